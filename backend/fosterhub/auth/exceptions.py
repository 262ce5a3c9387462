"""Errors of sign-in and tokens."""

from fosterhub.core.errors import AppError, Locked, TooManyRequests, Unauthorized


class InvalidCredentials(Unauthorized):
    type, title = "invalid-credentials", "Email or password not recognised"


class OtpRequired(Unauthorized):
    type, title = "otp-required", "Enter the code from your authenticator app"


class InvalidOtp(Unauthorized):
    type, title = "invalid-otp", "The code is wrong or has expired"


class LoginSlowedDown(TooManyRequests):
    type, title = "login-throttled", "Too many failed sign-ins: wait before trying again"


class AccountLocked(Locked):
    type, title = "account-locked", "Too many failed sign-ins: sign-in is locked for a while"


class InvalidRefresh(Unauthorized):
    type, title = "invalid-refresh", "Your session has ended: sign in again"


class OAuthError(AppError):
    """RFC 6749 section 5.2 error, answered in OAuth2's own shape by the token route."""

    status = 400
    type = "oauth"
    title = "OAuth error"

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.status = status
