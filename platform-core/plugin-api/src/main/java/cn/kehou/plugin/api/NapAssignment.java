package cn.kehou.plugin.api;

/** Where one child naps; {@code roomId} is null when no room is left, and then {@code reason} says why. */
public record NapAssignment(String studentId, String roomId, Reason reason) {

    public NapAssignment {
        Require.text(studentId, "studentId");
        if (roomId == null && reason == null) {
            throw new IllegalArgumentException("an unplaced child needs a reason");
        }
    }

    public boolean placed() {
        return roomId != null;
    }
}
