"""Signing in on the command line: a command that changes the database acts as a person,
checked like the app's sign-in (lockout included) and audited under that person's name."""

import argparse
import getpass
import os

from sqlite_utils import Database

from pos.errors import AuthError
from pos.permissions import User

PASSWORD_VARIABLE = "OCOP_POS_PASSWORD"  # for scripts; a person types it without echo
TERMINAL = "CLI"  # where the audit log says the act was done


def parent_parser() -> argparse.ArgumentParser:
    signed = argparse.ArgumentParser(add_help=False)
    signed.add_argument(
        "--user",
        help=f"người thực hiện (mật khẩu hỏi không hiện chữ, hoặc biến {PASSWORD_VARIABLE})",
    )
    return signed


def signed_in(db: Database, username: str | None) -> User:
    """The person acting, or AuthError saying how to sign in."""
    from pos.services import users

    if not username:
        raise AuthError("lệnh này ghi vào cơ sở dữ liệu: cần --user TÊN_ĐĂNG_NHẬP của người làm")
    secret = os.environ.get(PASSWORD_VARIABLE)
    if secret is None:
        try:
            secret = getpass.getpass(f"Mật khẩu / mã PIN của {username}: ")
        except (EOFError, KeyboardInterrupt):
            raise AuthError("chưa nhập mật khẩu: không làm gì") from None
    return users.sign_in(db, username, secret, TERMINAL)
