package cn.kehou.plugin.api;

/**
 * A room children may nap in (午休). {@code rank} is the school's own ranking of its conditions,
 * 1 = best; {@code fireSafe} whether it meets fire-safety conditions (消防安全使用条件).
 */
public record NapRoom(String id, Kind kind, int rank, int capacity, boolean fireSafe) {

    public enum Kind {
        DORMITORY, CLASSROOM, LIBRARY, READING_ROOM, MULTIPURPOSE_ROOM, GYM, OTHER
    }

    public NapRoom {
        Require.text(id, "id");
        Require.present(kind, "kind");
        if (rank < 1 || capacity < 0) {
            throw new IllegalArgumentException("rank ≥ 1 and capacity ≥ 0");
        }
    }
}
