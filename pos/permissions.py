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
    "goods_receipt": "nhập hàng ký gửi",  # a cashier may, where the showroom allows it
    "producer_return": "trả hàng cho chủ thể",
    "sales_import": "nhập phiếu bán hàng hội chợ",
    "restore": "khôi phục dữ liệu từ bản sao lưu",
    "z_difference": "đóng ca lệch tiền mặt vượt ngưỡng",
    "einvoice": "gửi lại, sửa hoặc thay hóa đơn điện tử",
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str
    uuid: str = ""  # the global identity (m014); "" only for a User built before it existed


@dataclass(frozen=True)
class Approval:
    """A manager's yes to one act (``action`` on ``subject``: the document, line or amount
    the manager read), given at the cashier's screen. Only ``services.users.approve`` makes
    a real one: its token is recorded there and used up by the act (``services.approvals``),
    so an Approval built in code, kept for a second act or given for another is refused."""

    token: str
    action: str
    subject: str
    approver: User


def is_manager(user: User) -> bool:
    return user.role in ("manager", "admin")


def needs_approval(actor: User, action: str) -> bool:
    return action in NEEDS_MANAGER and not is_manager(actor)


def refuse(action: str, why: str = "") -> PermissionDenied:
    return PermissionDenied(f"Cần quản lý duyệt: {NEEDS_MANAGER[action]}{why}")
