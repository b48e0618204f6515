package cn.kehou.server.portal;

import cn.kehou.server.identity.Role;

import java.util.List;

/** What one of the user's roles has waiting, on their home page. */
public record RoleHome(Role role, String place, List<Waiting> lists) {
}
