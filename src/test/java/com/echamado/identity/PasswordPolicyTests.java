package com.echamado.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThatCode(() -> policy.check("password", "violeta-janela-41-trem", "ana@example.test"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesShortPasswords() {
        assertThatThrownBy(() -> policy.check("password", "Sh0rt!pass", null))
                .isInstanceOf(IdentityException.class)
                .hasMessageContaining("12");
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThatThrownBy(() -> policy.check("password", "Password1234", null)).hasMessageContaining("common");
        assertThatThrownBy(() -> policy.check("password", "SENHA1234567", null)).hasMessageContaining("common");
    }

    @Test
    void refusesOneRepeatedSymbolAndTheEmail() {
        assertThatThrownBy(() -> policy.check("password", "aaaaaaaaaaaaaaaa", null))
                .hasMessageContaining("common");
        assertThatThrownBy(() -> policy.check("password", "x-ana@example.test-x", "ana@example.test"))
                .hasMessageContaining("e-mail");
    }
}
