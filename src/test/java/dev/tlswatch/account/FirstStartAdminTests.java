package dev.tlswatch.account;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdminTests {

	private final Accounts accounts = mock(Accounts.class);

	@Test
	void withoutUsersTheAdminGetsThePasswordFromTheEnvironmentAndItIsNotLogged(CapturedOutput output) {
		given(this.accounts.count()).willReturn(0L);
		given(this.accounts.create(anyString(), anyString(), any())).willReturn(admin());

		new FirstStartAdmin(this.accounts, new AdminSettings("admin", "from-the-environment"))
			.createAdminIfThereIsNoUser();

		then(this.accounts).should().create("admin", "from-the-environment", Role.ADMIN);
		assertThat(output).contains("TLSWATCH_ADMIN_PASSWORD").doesNotContain("from-the-environment");
	}

	@Test
	void withoutUsersOrPasswordAGeneratedPasswordIsLoggedOnce(CapturedOutput output) {
		given(this.accounts.count()).willReturn(0L);
		given(this.accounts.create(anyString(), anyString(), any())).willReturn(admin());

		new FirstStartAdmin(this.accounts, new AdminSettings("admin", "")).createAdminIfThereIsNoUser();

		ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
		then(this.accounts).should().create(eq("admin"), password.capture(), eq(Role.ADMIN));
		assertThat(password.getValue()).matches("[A-Za-z0-9_-]{24}");
		assertThat(output).containsOnlyOnce(password.getValue());
	}

	@Test
	void withUsersNothingIsCreated() {
		given(this.accounts.count()).willReturn(1L);

		new FirstStartAdmin(this.accounts, new AdminSettings("admin", null)).createAdminIfThereIsNoUser();

		then(this.accounts).should(never()).create(anyString(), anyString(), any());
	}

	private static AccountUser admin() {
		return new AccountUser(1, "admin", Role.ADMIN, true, Instant.parse("2026-11-27T10:00:00Z"));
	}

}
