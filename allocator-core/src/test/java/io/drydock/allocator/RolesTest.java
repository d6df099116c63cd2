package io.drydock.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drydock.allocator.role.Role;
import io.drydock.allocator.role.Roles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RolesTest {

    @ParameterizedTest
    @ValueSource(strings = {"foo", "123", "foo_123", "*", "foo-bar", "foo.bar", "foo..bar", "...", "foo/bar",
        "foo/.bar", "foo/bar/baz", "a/b/c/d/e/f/g/h", "foo\u0001bar", "föö"})
    void validRoleNamesFromTheMesosTestsPass(String role) {
        assertThat(Roles.validate(role)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "-foo", "/", "/foo", "foo/", "foo//bar", "foo/bar/", "foo bar", "foo\tbar",
        "foo\nbar", "./.", "../..", "./foo", "../foo", "foo/.", "foo/..", "foo/./bar", "foo/../bar", "foo/-bar",
        "foo/*", "foo/*/bar", "*/foo", "foo\u007fbar"})
    void invalidRoleNamesFromTheMesosTestsFail(String role) {
        assertThat(Roles.validate(role)).isPresent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/foo|Role '/foo' cannot start with a slash",
        "foo/|Role 'foo/' cannot end with a slash",
        "foo//bar|Role 'foo//bar' cannot contain two adjacent slashes",
        ".|Role '.' cannot include '.' as a component",
        "foo/..|Role 'foo/..' cannot include '..' as a component",
        "foo/*|Role 'foo/*' cannot include '*' as a component",
        "foo/-bar|Role component '-bar' is invalid because it starts with a dash",
        "foo bar|Role component 'foo bar' is invalid because it contains backspace or whitespace",
        "/|Role '/' cannot start with a slash",
    })
    void validationMessagesAreExactlyMesos(String role, String message) {
        assertThat(Roles.validate(role)).contains(message);
    }

    @Test
    void emptyRoleNameHasItsOwnMessage() {
        assertThat(Roles.validate("")).contains("Role names cannot be the empty string");
        assertThatThrownBy(() -> Role.of("")).hasMessage("Role names cannot be the empty string");
    }

    @Test
    void ancestorsAreListedNearestFirst() {
        assertThat(Roles.ancestors("a/b/c/d")).containsExactly("a/b/c", "a/b", "a");
        assertThat(Roles.ancestors("a")).isEmpty();
    }

    @Test
    void strictSubroleNeedsASlashBoundary() {
        assertThat(Roles.isStrictSubroleOf("foo/bar", "foo")).isTrue();
        assertThat(Roles.isStrictSubroleOf("foobar", "foo")).isFalse();
        assertThat(Roles.isStrictSubroleOf("foo", "foo")).isFalse();
        assertThat(Roles.isStrictSubroleOf("foo", "foo/bar")).isFalse();
    }

    @Test
    void whitelistDropsEmptyTokensAndAlwaysContainsStar() {
        assertThat(Roles.parseWhitelist("abc,,edf,hgi,")).containsExactly("abc", "edf", "hgi", "*");
        assertThatThrownBy(() -> Roles.parseWhitelist("ok,/bad"))
                .hasMessage("Failed to parse roles: Role '/bad' cannot start with a slash");
    }
}
