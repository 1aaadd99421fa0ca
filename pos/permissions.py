"""Who may do what. Cashiers sell; anything that moves money or stock outside a plain sale
needs a manager, either signed in or approving on the cashier's screen."""

from dataclasses import dataclass

from pos.errors import PermissionDenied

ROLES = ("cashier", "manager", "admin")

# What a cashier may not do alone (managers and admins may do all of it).
NEEDS_MANAGER = {
    "refund": "trả hàng / hoàn tiền",
    "price_override": "sửa giá bán",
    "discount_over_limit": "giảm giá vượt hạn mức",
    "no_sale_drawer": "mở két không bán hàng",
    "stock_adjustment": "điều chỉnh tồn kho",
    "recall": "chặn lô / thu hồi hàng",
    "catalog": "sửa danh mục chủ thể và mặt hàng",
    "close_period": "khóa sổ kỳ",
    "settings": "thay đổi cài đặt",
    "users": "quản lý người dùng",
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str


@dataclass(frozen=True)
class Approval:
    """A manager's yes to one kind of action, given at the cashier's screen."""

    action: str
    approver: User


def is_manager(user: User) -> bool:
    return user.role in ("manager", "admin")


def authorise(actor: User, action: str, approval: Approval | None = None) -> str | None:
    """The approving manager's username (None when the actor may act alone), or refuse."""
    if action not in NEEDS_MANAGER or is_manager(actor):
        return None
    if approval is not None and approval.action == action and is_manager(approval.approver):
        return approval.approver.username
    raise PermissionDenied(f"Cần quản lý duyệt: {NEEDS_MANAGER[action]}")
