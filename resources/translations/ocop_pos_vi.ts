<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="88"/>
        <source>Manager approval</source>
        <translation>Quản lý duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="89"/>
        <source>A manager approves: %1</source>
        <translation>Quản lý duyệt: %1</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="21"/>
        <source>All actions</source>
        <translation>Tất cả thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="25"/>
        <source>User name (actor or approver)</source>
        <translation>Tên đăng nhập (người làm hoặc người duyệt)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="30"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="31"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="32"/>
        <source>By</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="33"/>
        <source>Approved by</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="34"/>
        <source>Terminal</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="35"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="51"/>
        <source>Refund</source>
        <translation>Trả hàng / hoàn tiền</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="52"/>
        <source>Z report (shift closed)</source>
        <translation>Báo cáo Z (đóng ca)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="53"/>
        <source>X report</source>
        <translation>Báo cáo X</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="54"/>
        <source>Cash put in</source>
        <translation>Thu tiền mặt vào két</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="55"/>
        <source>Cash taken out</source>
        <translation>Chi tiền mặt ra</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="56"/>
        <source>Drawer opened without a sale</source>
        <translation>Mở két không bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="57"/>
        <source>Manager&apos;s approval</source>
        <translation>Quản lý duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="58"/>
        <source>Failed sign-in</source>
        <translation>Đăng nhập sai</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="59"/>
        <source>Goods receipt</source>
        <translation>Nhập hàng ký gửi</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="60"/>
        <source>Return to a producer</source>
        <translation>Trả hàng cho chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="61"/>
        <source>Stock adjusted</source>
        <translation>Điều chỉnh tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="62"/>
        <source>Stock count posted</source>
        <translation>Chốt kiểm kê</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="63"/>
        <source>Stock count cancelled</source>
        <translation>Hủy phiếu kiểm kê</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="64"/>
        <source>Lot blocked</source>
        <translation>Chặn lô</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="65"/>
        <source>Lot released</source>
        <translation>Mở lại lô</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="66"/>
        <source>In-store barcode given</source>
        <translation>Cấp mã vạch nội bộ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="67"/>
        <source>Producer saved</source>
        <translation>Lưu chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="68"/>
        <source>Product saved</source>
        <translation>Lưu sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="69"/>
        <source>Catalog file imported</source>
        <translation>Nhập file danh mục</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="70"/>
        <source>Goods receipt file imported</source>
        <translation>Nhập file phiếu nhập hàng</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="71"/>
        <source>Trade-fair sales imported</source>
        <translation>Nhập bán hàng hội chợ</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="72"/>
        <source>Statements issued</source>
        <translation>Lập bảng kê quyết toán</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="73"/>
        <source>Payout to a producer</source>
        <translation>Chi trả cho chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="74"/>
        <source>Agreed adjustment</source>
        <translation>Điều chỉnh đã thỏa thuận</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="75"/>
        <source>Settings changed</source>
        <translation>Thay đổi cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="76"/>
        <source>User added</source>
        <translation>Thêm người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="77"/>
        <source>Restored from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="78"/>
        <source>Price changed in a sale</source>
        <translation>Sửa giá khi bán</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="79"/>
        <source>Discount over the limit</source>
        <translation>Giảm giá vượt hạn mức</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="80"/>
        <source>E-invoice refused by the provider</source>
        <translation>Hóa đơn điện tử bị nhà cung cấp từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="81"/>
        <source>E-invoice sending stopped (account)</source>
        <translation>Dừng gửi hóa đơn điện tử (tài khoản)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="82"/>
        <source>E-invoice sending resumed</source>
        <translation>Gửi lại hóa đơn điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="83"/>
        <source>E-invoice replaced</source>
        <translation>Thay hóa đơn điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="84"/>
        <source>Refused e-invoice sent again</source>
        <translation>Gửi lại hóa đơn điện tử bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="90"/>
        <source>Only managers can see the audit log.</source>
        <translation>Chỉ quản lý được xem nhật ký kiểm soát.</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <location filename="../../ui/backup_service.py" line="52"/>
        <source>Backup saved and checked at %1</source>
        <translation>Đã sao lưu và kiểm tra lúc %1</translation>
    </message>
    <message>
        <location filename="../../ui/backup_service.py" line="58"/>
        <source>Backup failed: %1</source>
        <translation>Sao lưu không thành công: %1</translation>
    </message>
</context>
<context>
    <name>BuyerDialog</name>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="39"/>
        <source>A business</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="40"/>
        <source>A person</source>
        <translation>Cá nhân</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="47"/>
        <source>e.g. the customer asked for an invoice</source>
        <translation>ví dụ: khách xin hóa đơn công ty</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="51"/>
        <source>Buyer</source>
        <translation>Người mua</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="52"/>
        <source>Tax code or personal number</source>
        <translation>Mã số thuế hoặc số định danh</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="53"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="54"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="55"/>
        <source>E-mail</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="58"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/buyer_dialog.py" line="82"/>
        <source>Filled in from an earlier invoice.</source>
        <translation>Đã điền theo hóa đơn trước.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="40"/>
        <source>Close the shift</source>
        <translation>Kết ca</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="56"/>
        <source>Transfers received (from the bank app)</source>
        <translation>Tiền chuyển khoản đã nhận (theo ứng dụng ngân hàng)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="58"/>
        <source>Card total (terminal&apos;s batch)</source>
        <translation>Tổng quẹt thẻ (theo máy POS ngân hàng)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="60"/>
        <source>Count the cash in the drawer, note by note.</source>
        <translation>Đếm tiền mặt trong két theo từng mệnh giá.</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="61"/>
        <source>X report (interim)</source>
        <translation>Báo cáo X (giữa ca)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="63"/>
        <location filename="../../ui/close_shift_dialog.py" line="118"/>
        <source>Close the shift (Z)</source>
        <translation>Đóng ca (Z)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="65"/>
        <source>Print again (Ctrl+P)</source>
        <translation>In lại (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="69"/>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="86"/>
        <source>Cash counted by denomination</source>
        <translation>Tiền mặt đếm được theo mệnh giá</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="100"/>
        <source>Cash counted: %1</source>
        <translation>Tiền mặt đếm được: %1</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="112"/>
        <source>Close the shift of terminal %1 with %2 in cash counted? The Z report is final: the next sale needs a new shift.</source>
        <translation>Đóng ca quầy %1 với %2 tiền mặt đã đếm? Báo cáo Z là cuối cùng: lần bán tiếp theo cần mở ca mới.</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="134"/>
        <source>Not approved: a manager must see a cash difference this large</source>
        <translation>Chưa được duyệt: lệch tiền mặt lớn như vậy cần quản lý xem</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="148"/>
        <source>Shift closed: %1 · cash difference %2</source>
        <translation>Đã đóng ca: %1 · chênh lệch tiền mặt %2</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="155"/>
        <source>%1 e-invoices not yet sent: leave this PC on and online, or tell a manager</source>
        <translation>Còn %1 hóa đơn điện tử chưa gửi được: hãy để máy bật và nối mạng, hoặc báo quản lý</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="42"/>
        <source>OK (Enter)</source>
        <translation>Đồng ý (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="46"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="47"/>
        <source>PIN or password</source>
        <translation>Mã PIN hoặc mật khẩu</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../ui/customer_display.py" line="70"/>
        <source>Welcome</source>
        <translation>Xin chào quý khách</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="87"/>
        <source>Total %1</source>
        <translation>Tổng cộng %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="95"/>
        <source>Scan to pay %1 by transfer</source>
        <translation>Quét mã để chuyển khoản %1</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="101"/>
        <source>Thank you!</source>
        <translation>Cảm ơn quý khách!</translation>
    </message>
    <message>
        <location filename="../../ui/customer_display.py" line="103"/>
        <source>Your change: %1</source>
        <translation>Tiền thối: %1</translation>
    </message>
</context>
<context>
    <name>EinvoicePage</name>
    <message>
        <location filename="../../ui/einvoice_page.py" line="37"/>
        <source>Receipt, invoice number, buyer or tax code</source>
        <translation>Số phiếu, số hóa đơn, người mua hoặc mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="39"/>
        <source>The month&apos;s invoices</source>
        <translation>Hóa đơn trong tháng</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="40"/>
        <source>Refused or stopped</source>
        <translation>Bị từ chối hoặc dừng gửi</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="46"/>
        <source>Made at</source>
        <translation>Lập lúc</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="47"/>
        <source>Receipt</source>
        <translation>Phiếu</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="48"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="49"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="50"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="51"/>
        <source>Buyer</source>
        <translation>Người mua</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="52"/>
        <source>Total</source>
        <translation>Tổng tiền</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="53"/>
        <source>Provider&apos;s message</source>
        <translation>Thông báo của nhà cung cấp</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="59"/>
        <source>Resume sending</source>
        <translation>Tiếp tục gửi</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="60"/>
        <source>Send the refused one again</source>
        <translation>Gửi lại hóa đơn bị từ chối</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="61"/>
        <source>Replace with the buyer&apos;s details...</source>
        <translation>Thay bằng thông tin người mua...</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="84"/>
        <source>Only managers can see the e-invoices.</source>
        <translation>Chỉ quản lý xem được hóa đơn điện tử.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="89"/>
        <source>Sending stopped: %1</source>
        <translation>Đã dừng gửi: %1</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="94"/>
        <source>%1 not yet sent, the oldest made at %2</source>
        <translation>%1 hóa đơn chưa gửi, cũ nhất lập lúc %2</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="100"/>
        <source>Every e-invoice has been sent.</source>
        <translation>Mọi hóa đơn điện tử đã được gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="124"/>
        <source>Sending again.</source>
        <translation>Đã tiếp tục gửi.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="130"/>
        <source>Choose a refused invoice first.</source>
        <translation>Hãy chọn một hóa đơn bị từ chối trước.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="134"/>
        <source>%1 goes again.</source>
        <translation>%1 gửi lại.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="140"/>
        <source>Choose a sale&apos;s invoice first.</source>
        <translation>Hãy chọn hóa đơn của một phiếu bán trước.</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="144"/>
        <source>Replace the e-invoice of %1</source>
        <translation>Thay hóa đơn điện tử của %1</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_page.py" line="153"/>
        <source>A replacement for %1 is on its way.</source>
        <translation>Đang gửi hóa đơn thay thế cho %1.</translation>
    </message>
</context>
<context>
    <name>EinvoiceService</name>
    <message>
        <location filename="../../ui/einvoice_service.py" line="60"/>
        <source>E-invoices stopped: %1</source>
        <translation>HĐĐT đã dừng: %1</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_service.py" line="63"/>
        <source>E-invoices: all sent</source>
        <translation>HĐĐT: đã gửi hết</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_service.py" line="67"/>
        <source>E-invoices: %1 unsent</source>
        <translation>HĐĐT: %1 chưa gửi</translation>
    </message>
    <message>
        <location filename="../../ui/einvoice_service.py" line="69"/>
        <source>, %1 refused</source>
        <translation>, %1 bị từ chối</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="21"/>
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="28"/>
        <source>The program hit an unexpected error. Your data is safe: everything already saved stays saved. The details were written to the log file.</source>
        <translation>Chương trình gặp lỗi không mong muốn. Dữ liệu của bạn an toàn: mọi thứ đã lưu vẫn còn nguyên. Chi tiết đã được ghi vào file nhật ký.</translation>
    </message>
</context>
<context>
    <name>ExpiryPage</name>
    <message>
        <location filename="../../ui/expiry_page.py" line="45"/>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="49"/>
        <source>Days left</source>
        <translation>Còn (ngày)</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="59"/>
        <source>Sold at</source>
        <translation>Bán lúc</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="60"/>
        <source>Receipt</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="61"/>
        <source>Cashier</source>
        <translation>Thu ngân</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="62"/>
        <source>Units from this lot</source>
        <translation>SL từ lô này</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="63"/>
        <source>Units brought back</source>
        <translation>SL khách trả lại</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="71"/>
        <source>Reason: recall notice, quality doubt, expired... (required)</source>
        <translation>Lý do: thông báo thu hồi, nghi ngờ chất lượng, hết hạn... (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="73"/>
        <source>Block the lot (Ctrl+B)</source>
        <translation>Chặn lô (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="75"/>
        <source>Release the lot</source>
        <translation>Mở lại lô</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="77"/>
        <source>Return what is left to the producer (Ctrl+R)</source>
        <translation>Trả hết phần còn lại cho chủ thể (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="84"/>
        <source>Blocked, expired, and lots expiring within</source>
        <translation>Lô bị chặn, đã hết hạn, và lô hết hạn trong vòng</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="126"/>
        <source>Select a lot to see who bought it.</source>
        <translation>Chọn một lô để xem ai đã mua.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="131"/>
        <source>Sales of lot %1 (%2): %3 unit(s) on %4 receipt(s)</source>
        <translation>Đã bán từ lô %1 (%2): %3 đơn vị trên %4 hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="142"/>
        <source>Select a lot in the list first.</source>
        <translation>Hãy chọn một lô trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="162"/>
        <source>Lot %1 is blocked: the till refuses it.</source>
        <translation>Lô %1 đã bị chặn: quầy thu ngân sẽ từ chối bán.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="164"/>
        <source>Lot %1 is released: it sells again.</source>
        <translation>Lô %1 đã được mở: bán lại bình thường.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="185"/>
        <source>Posted %1: %2 unit(s) of lot %3 back to %4. The note opens for signing.</source>
        <translation>Đã ghi sổ %1: trả %2 đơn vị lô %3 cho %4. Phiếu mở ra để ký.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="203"/>
        <source>Block lot %1 of %2 and return all %3 unit(s) on hand to %4? The return note is final: the goods leave the showroom&apos;s stock.</source>
        <translation>Chặn lô %1 của %2 và trả toàn bộ %3 đơn vị còn trong cửa hàng cho %4? Phiếu trả hàng không sửa được: hàng rời khỏi kho của cửa hàng.</translation>
    </message>
    <message>
        <location filename="../../ui/expiry_page.py" line="211"/>
        <source>Return the lot to its producer</source>
        <translation>Trả lô cho chủ thể</translation>
    </message>
</context>
<context>
    <name>FileImport</name>
    <message>
        <location filename="../../ui/file_import.py" line="86"/>
        <source>Receipts already imported</source>
        <translation>Có phiếu đã nhập trước đây</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="87"/>
        <source>Some receipts in this file were imported before (listed below the message). Import only the new ones?</source>
        <translation>Một số phiếu trong file này đã được nhập trước đây (liệt kê dưới thông báo). Chỉ nhập các phiếu mới?</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="30"/>
        <source>Imported %1 row(s): %2</source>
        <translation>Đã nhập %1 dòng: %2</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="35"/>
        <source>Imported %1 row(s): %2 new, %3 updated</source>
        <translation>Đã nhập %1 dòng: %2 mới, %3 cập nhật</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="54"/>
        <source>Import a file</source>
        <translation>Nhập từ file</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="56"/>
        <source>CSV or Excel (*.csv *.xlsx)</source>
        <translation>CSV hoặc Excel (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="66"/>
        <source>Importing...</source>
        <translation>Đang nhập...</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="96"/>
        <source>Sold before the goods came in</source>
        <translation>Bán trước khi nhận hàng</translation>
    </message>
    <message>
        <location filename="../../ui/file_import.py" line="98"/>
        <source>These lines are dated before their goods were first received. A wrong date in the file? Import them as they are?</source>
        <translation>Các dòng này có ngày bán trước lần nhận hàng đầu tiên. Có thể tệp ghi sai ngày? Vẫn nhập đúng như trong tệp?</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="143"/>
        <source>New showroom</source>
        <translation>Showroom mới</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="158"/>
        <source>No receipt printer yet</source>
        <translation>Chưa có máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="159"/>
        <source>Network (LAN)</source>
        <translation>Mạng LAN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="164"/>
        <source>Showroom name</source>
        <translation>Tên showroom</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="165"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="166"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="167"/>
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="168"/>
        <source>Bank account number</source>
        <translation>Số tài khoản nhận tiền</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="169"/>
        <source>Account holder name</source>
        <translation>Tên chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="170"/>
        <source>Admin user name</source>
        <translation>Tên đăng nhập quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="171"/>
        <source>Admin full name</source>
        <translation>Họ tên quản trị viên</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="172"/>
        <source>Admin password (8+ characters)</source>
        <translation>Mật khẩu quản trị (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="173"/>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="178"/>
        <source>Receipt printer</source>
        <translation>Máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="180"/>
        <source>Create the showroom</source>
        <translation>Tạo showroom</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="184"/>
        <source>Welcome. Set up this showroom and its administrator.</source>
        <translation>Chào mừng. Hãy thiết lập showroom và tài khoản quản trị.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="194"/>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>GoodsReceiptPage</name>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="60"/>
        <source>Scan a barcode, or type a SKU or part of the name</source>
        <translation>Quét mã vạch, hoặc gõ mã hàng hay một phần tên</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="67"/>
        <source>as printed on the pack</source>
        <translation>như in trên bao bì</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="71"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="78"/>
        <location filename="../../ui/goods_receipt_page.py" line="93"/>
        <location filename="../../ui/goods_receipt_page.py" line="189"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="81"/>
        <location filename="../../ui/goods_receipt_page.py" line="94"/>
        <source>Units</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="83"/>
        <location filename="../../ui/goods_receipt_page.py" line="95"/>
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="85"/>
        <source>Production date</source>
        <translation>Ngày sản xuất</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="87"/>
        <source>Expiry date</source>
        <translation>Hạn sử dụng</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="92"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="97"/>
        <source>Produced</source>
        <translation>NSX</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="99"/>
        <source>Expiry</source>
        <translation>HSD</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="105"/>
        <source>Delivered by, vehicle, remarks</source>
        <translation>Người giao, xe, ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="107"/>
        <source>Post the goods receipt (Ctrl+Enter)</source>
        <translation>Ghi sổ phiếu nhập (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="110"/>
        <source>Remove line (Ctrl+Del)</source>
        <translation>Xóa dòng (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="112"/>
        <source>Labels for the last receipt (Ctrl+L)</source>
        <translation>In tem cho phiếu vừa nhập (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="121"/>
        <source>Import a goods receipt file (Ctrl+I)</source>
        <translation>Nhập phiếu nhập từ file (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="125"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="164"/>
        <source>No product of this producer matches &apos;%1&apos;</source>
        <translation>Không có sản phẩm nào của chủ thể này khớp với &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="169"/>
        <source>%1 belongs to producer %2, not to %3</source>
        <translation>%1 thuộc chủ thể %2, không phải %3</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="189"/>
        <source>Which one?</source>
        <translation>Sản phẩm nào?</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="201"/>
        <source>Scan or choose a product first.</source>
        <translation>Hãy quét hoặc chọn sản phẩm trước.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="223"/>
        <source>Careful: lot %1 expires in %2 day(s), on %3</source>
        <translation>Lưu ý: lô %1 hết hạn sau %2 ngày, vào %3</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="256"/>
        <source>Select a line in the list first.</source>
        <translation>Hãy chọn một dòng trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="265"/>
        <source>The goods receipt has no lines yet.</source>
        <translation>Phiếu nhập chưa có dòng hàng nào.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="293"/>
        <source>Posted %1: %2 unit(s). The note opens for signing; Ctrl+L prints labels.</source>
        <translation>Đã ghi sổ %1: %2 đơn vị. Phiếu mở ra để ký; Ctrl+L để in tem.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="304"/>
        <source>Post a goods receipt first.</source>
        <translation>Hãy ghi sổ một phiếu nhập trước.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="322"/>
        <source>The lines entered belong to their producer: post or remove them first.</source>
        <translation>Các dòng đã nhập thuộc chủ thể đang chọn: hãy ghi sổ hoặc xóa chúng trước.</translation>
    </message>
    <message>
        <location filename="../../ui/goods_receipt_page.py" line="333"/>
        <source>%1 line(s), %2 unit(s)</source>
        <translation>%1 dòng, %2 đơn vị</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../ui/label_dialog.py" line="40"/>
        <source>Labels</source>
        <translation>In tem</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="53"/>
        <source>Number of labels</source>
        <translation>Số tem</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/label_dialog.py" line="55"/>
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n tem</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="56"/>
        <source>A4 sheet</source>
        <translation>Tờ tem A4</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="57"/>
        <source>Start at position</source>
        <translation>Bắt đầu từ ô số</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="58"/>
        <source>A4 sheet (PDF)</source>
        <translation>Tờ A4 (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="61"/>
        <source>Thermal printer</source>
        <translation>Máy in nhiệt</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="53"/>
        <source>The till is locked</source>
        <translation>Quầy đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="56"/>
        <source>Nobody used it for a while. The cart and the shift are kept as they were.</source>
        <translation>Quầy không được dùng một lúc nên đã tự khóa. Giỏ hàng và ca vẫn giữ nguyên.</translation>
    </message>
    <message>
        <location filename="../../ui/idle_lock.py" line="59"/>
        <source>Sign in (Enter)</source>
        <translation>Đăng nhập (Enter)</translation>
    </message>
</context>
<context>
    <name>LotColumns</name>
    <message>
        <location filename="../../ui/stock_columns.py" line="14"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="19"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="20"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="21"/>
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="23"/>
        <source>Produced</source>
        <translation>NSX</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="27"/>
        <source>Expiry</source>
        <translation>HSD</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="30"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="31"/>
        <source>On hand</source>
        <translation>Tồn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="38"/>
        <source>blocked</source>
        <translation>bị chặn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="39"/>
        <source>expired</source>
        <translation>hết hạn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_columns.py" line="40"/>
        <source>expires soon</source>
        <translation>sắp hết hạn</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Sell</source>
        <translation>Bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Stock</source>
        <translation>Hàng ký gửi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77"/>
        <source>Producers</source>
        <translation>Chủ thể OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="79"/>
        <source>Settlement</source>
        <translation>Quyết toán</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>Audit log</source>
        <translation>Nhật ký kiểm soát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>E-invoices</source>
        <translation>Hóa đơn điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>&amp;People</source>
        <translation>&amp;Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>Switch user</source>
        <translation>Đổi người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200"/>
        <source>cashier</source>
        <translation>thu ngân</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201"/>
        <source>manager</source>
        <translation>quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202"/>
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>Signed in: %1 (%2) · database: %3</source>
        <translation>Đang đăng nhập: %1 (%2) · cơ sở dữ liệu: %3</translation>
    </message>
</context>
<context>
    <name>OpenShiftForm</name>
    <message>
        <location filename="../../ui/open_shift_form.py" line="37"/>
        <source>Open shift</source>
        <translation>Mở ca</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="40"/>
        <source>Open a shift to start selling</source>
        <translation>Mở ca để bắt đầu bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="43"/>
        <source>Cashier</source>
        <translation>Thu ngân</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="44"/>
        <source>Opening cash float</source>
        <translation>Tiền mặt đầu ca</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/payment_dialog.py" line="39"/>
        <source>Payment</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="83"/>
        <source>Money received in the account (F4)</source>
        <translation>Đã nhận được tiền vào tài khoản (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="87"/>
        <source>Card terminal reference</source>
        <translation>Mã giao dịch trên máy cà thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="90"/>
        <source>Enter: take this amount · Esc: back to the cart</source>
        <translation>Enter: nhận số tiền này · Esc: quay lại giỏ hàng</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="98"/>
        <source>Reference</source>
        <translation>Mã giao dịch</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="100"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="105"/>
        <source>To pay</source>
        <translation>Khách phải trả</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="173"/>
        <source>handed %1</source>
        <translation>khách đưa %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="185"/>
        <source>Change: %1</source>
        <translation>Tiền thối: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="250"/>
        <source>Confirm that the transfer has arrived (F4) first.</source>
        <translation>Hãy xác nhận đã nhận được tiền chuyển khoản (F4) trước.</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="264"/>
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="265"/>
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="266"/>
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="30"/>
        <source>Print (Ctrl+P)</source>
        <translation>In (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="31"/>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="32"/>
        <source>Close (Esc)</source>
        <translation>Đóng (Esc)</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <location filename="../../ui/print_service.py" line="83"/>
        <source>Printer: nothing waiting</source>
        <translation>Máy in: không có hóa đơn nào đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="97"/>
        <source>Printer: test page printed</source>
        <translation>Máy in: đã in trang thử</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="108"/>
        <source>Printer: printed</source>
        <translation>Máy in: đã in</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="115"/>
        <source>Drawer opened</source>
        <translation>Đã mở két</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="120"/>
        <source>Printer: %1 label(s) printed</source>
        <translation>Máy in: đã in %1 tem</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="130"/>
        <source>Labels saved: %1</source>
        <translation>Đã lưu tem: %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="136"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="163"/>
        <source>Printer: receipt %1 printed</source>
        <translation>Máy in: đã in hóa đơn %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="168"/>
        <source>Printer: %1 · %2 receipt(s) waiting, F9 to retry</source>
        <translation>Máy in: %1 · %2 hóa đơn đang chờ, F9 để in lại</translation>
    </message>
</context>
<context>
    <name>ProducerEditor</name>
    <message>
        <location filename="../../ui/catalog_editors.py" line="180"/>
        <source>New producer</source>
        <translation>Chủ thể mới</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="182"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="184"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="185"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="186"/>
        <source>Province</source>
        <translation>Tỉnh/thành</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="187"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="188"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="191"/>
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="193"/>
        <source>6 digits of the bank, for the VietQR on statements</source>
        <translation>6 chữ số của ngân hàng, để in VietQR trên bảng kê</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="195"/>
        <source>Bank account</source>
        <translation>Số tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="198"/>
        <source>Account holder</source>
        <translation>Chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="203"/>
        <source>Commission %</source>
        <translation>Hoa hồng %</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="205"/>
        <source>New terms apply to sales from today; earlier sales keep theirs.</source>
        <translation>Mức mới áp dụng cho hàng bán từ hôm nay; hàng đã bán giữ mức cũ.</translation>
    </message>
</context>
<context>
    <name>ProducerReturnPage</name>
    <message>
        <location filename="../../ui/producer_return_page.py" line="71"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="72"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="73"/>
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="74"/>
        <source>Units returned</source>
        <translation>SL trả</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="82"/>
        <source>Why the goods go back (required)</source>
        <translation>Lý do trả hàng (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="83"/>
        <source>Post the return (Ctrl+Enter)</source>
        <translation>Ghi sổ phiếu trả (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="86"/>
        <source>Remove line (Ctrl+Del)</source>
        <translation>Xóa dòng (Ctrl+Del)</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="93"/>
        <source>Enter on a lot, type the units, Enter again: the line goes on the return.</source>
        <translation>Enter trên một lô, gõ số lượng, Enter lần nữa: dòng được thêm vào phiếu trả.</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="97"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="99"/>
        <source>Units to return from the selected lot</source>
        <translation>Số lượng trả từ lô đang chọn</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="119"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="156"/>
        <source>Select a lot in the list first.</source>
        <translation>Hãy chọn một lô trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="172"/>
        <source>Choose at least one lot to return.</source>
        <translation>Hãy chọn ít nhất một lô để trả.</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="183"/>
        <source>Return %1 unit(s) in %2 line(s) to %3? The return note is final: the goods leave the showroom&apos;s stock.</source>
        <translation>Trả %1 đơn vị (%2 dòng) cho %3? Phiếu trả hàng không sửa được: hàng rời khỏi kho của cửa hàng.</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="190"/>
        <source>Return to the producer</source>
        <translation>Trả hàng cho chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/producer_return_page.py" line="214"/>
        <source>Posted %1: %2 unit(s) back to the producer. The note opens for signing.</source>
        <translation>Đã ghi sổ %1: trả %2 đơn vị cho chủ thể. Phiếu mở ra để ký.</translation>
    </message>
</context>
<context>
    <name>ProducersPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="215"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="216"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="217"/>
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="218"/>
        <source>Province</source>
        <translation>Tỉnh/TP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="219"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="220"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="221"/>
        <source>Bank account</source>
        <translation>Tài khoản ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="222"/>
        <source>Commission</source>
        <translation>Hoa hồng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="224"/>
        <source>Search producer name, code or province</source>
        <translation>Tìm tên, mã hoặc tỉnh của chủ thể</translation>
    </message>
</context>
<context>
    <name>ProductEditor</name>
    <message>
        <location filename="../../ui/catalog_editors.py" line="223"/>
        <source>New product</source>
        <translation>Sản phẩm mới</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="226"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="228"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="234"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="239"/>
        <source>Category</source>
        <translation>Ngành hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="240"/>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="243"/>
        <source>Price (đồng)</source>
        <translation>Giá bán (đồng)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="247"/>
        <source>OCOP stars</source>
        <translation>Hạng sao OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="251"/>
        <source>OCOP certificate no.</source>
        <translation>Số giấy chứng nhận OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="257"/>
        <source>Certificate valid until</source>
        <translation>Giấy chứng nhận có hiệu lực đến</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="262"/>
        <source>VAT %</source>
        <translation>Thuế GTGT %</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="264"/>
        <source>The standard rate; a dated reduction applies by itself.</source>
        <translation>Thuế suất thông thường; mức giảm theo thời hạn tự áp dụng.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="266"/>
        <source>Has lots and expiry dates</source>
        <translation>Có lô và hạn sử dụng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="271"/>
        <source>Barcodes</source>
        <translation>Mã vạch</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="273"/>
        <source>Several separated by spaces; a code taken off no longer scans.</source>
        <translation>Nhiều mã cách nhau bằng dấu cách; mã bị bỏ đi sẽ không quét được nữa.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="277"/>
        <source>Commission % for this product</source>
        <translation>Hoa hồng % riêng cho sản phẩm này</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="279"/>
        <source>Empty: the producer&apos;s terms.</source>
        <translation>Để trống: theo mức của chủ thể.</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="156"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="157"/>
        <source>Barcode</source>
        <translation>Mã vạch</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="158"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="159"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="160"/>
        <source>OCOP</source>
        <translation>OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="161"/>
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="162"/>
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="163"/>
        <source>VAT</source>
        <translation>Thuế GTGT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="165"/>
        <source>Search name, SKU, barcode or producer (e.g. tra sam)</source>
        <translation>Tìm theo tên, mã hàng, mã vạch hoặc chủ thể (ví dụ: tra sam)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="169"/>
        <source>Labels for the selected product (Ctrl+L)</source>
        <translation>In tem cho sản phẩm đang chọn (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="172"/>
        <source>Give it an in-store barcode (Ctrl+B)</source>
        <translation>Cấp mã vạch nội bộ (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="201"/>
        <source>%1 has the in-store barcode %2</source>
        <translation>%1 đã có mã vạch nội bộ %2</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <location filename="../../ui/receipt_preview.py" line="31"/>
        <source>Receipt</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_preview.py" line="34"/>
        <source>Receipt number, e.g. T01-000001</source>
        <translation>Số hóa đơn, ví dụ T01-000001</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_preview.py" line="43"/>
        <source>Print a copy (Ctrl+P)</source>
        <translation>In bản sao (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location filename="../../ui/catalog_editors.py" line="46"/>
        <source>Active (untick to stop: history stays, nothing is deleted)</source>
        <translation>Đang kinh doanh (bỏ chọn để ngừng: lịch sử giữ nguyên, không xóa gì)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="51"/>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="52"/>
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_editors.py" line="142"/>
        <source>Please correct the fields marked in red.</source>
        <translation>Hãy sửa các ô có ghi chú màu đỏ.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/refund_dialog.py" line="43"/>
        <location filename="../../ui/refund_dialog.py" line="50"/>
        <source>Refund</source>
        <translation>Trả hàng</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="45"/>
        <source>Scan the receipt&apos;s QR or type its number</source>
        <translation>Quét mã QR trên hóa đơn hoặc gõ số hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="50"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="50"/>
        <source>Sold</source>
        <translation>Đã bán</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="50"/>
        <source>Refunded before</source>
        <translation>Đã trả trước</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="59"/>
        <source>Choose the reason...</source>
        <translation>Chọn lý do...</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="68"/>
        <source>Goods damaged: write them off instead of restocking</source>
        <translation>Hàng hỏng: hủy thay vì nhập lại kho</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="71"/>
        <source>Refund (F12)</source>
        <translation>Trả hàng (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="76"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="77"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="78"/>
        <source>Money back by</source>
        <translation>Hoàn tiền bằng</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="114"/>
        <source>Receipt %1: set the quantities to refund</source>
        <translation>Hóa đơn %1: nhập số lượng trả</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="141"/>
        <source>To refund %1</source>
        <translation>Hoàn lại %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports_page.py" line="161"/>
        <source>Sales</source>
        <translation>Doanh số</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="162"/>
        <source>Best sellers</source>
        <translation>Bán chạy nhất</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="163"/>
        <source>Slow movers (stock that does not sell)</source>
        <translation>Bán chậm (hàng tồn không bán được)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="164"/>
        <source>Stock value per producer (at the end date)</source>
        <translation>Giá trị tồn kho theo chủ thể (tại ngày cuối)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="165"/>
        <source>Compare with the previous period</source>
        <translation>So sánh với kỳ trước</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="182"/>
        <source>Export CSV (Ctrl+E)</source>
        <translation>Xuất CSV (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="184"/>
        <source>Export Excel (Ctrl+Shift+E)</source>
        <translation>Xuất Excel (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="191"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="193"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="197"/>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="198"/>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="199"/>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="249"/>
        <source>The end date is before the start date.</source>
        <translation>Ngày kết thúc đang trước ngày bắt đầu.</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="254"/>
        <source>Computing...</source>
        <translation>Đang tính...</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="294"/>
        <source>thousand đồng</source>
        <translation>nghìn đồng</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="300"/>
        <source>%1 row(s)</source>
        <translation>%1 dòng</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="313"/>
        <source>Saving %1</source>
        <translation>Đang lưu %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="317"/>
        <source>by day</source>
        <translation>theo ngày</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="318"/>
        <source>by week</source>
        <translation>theo tuần</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="319"/>
        <source>by month</source>
        <translation>theo tháng</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="320"/>
        <source>by product</source>
        <translation>theo sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="321"/>
        <source>by producer</source>
        <translation>theo chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="322"/>
        <source>by province</source>
        <translation>theo tỉnh/thành</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="323"/>
        <source>by region</source>
        <translation>theo vùng</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="324"/>
        <source>by OCOP stars</source>
        <translation>theo hạng sao OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="325"/>
        <source>by category</source>
        <translation>theo ngành hàng</translation>
    </message>
</context>
<context>
    <name>SearchListPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="32"/>
        <source>%n item(s)</source>
        <translation>%n mục</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="36"/>
        <source>Select a line in the list first.</source>
        <translation>Hãy chọn một dòng trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="40"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="77"/>
        <source>New (Ctrl+N)</source>
        <translation>Thêm mới (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="78"/>
        <source>Edit the selected one (F2 or Enter)</source>
        <translation>Sửa dòng đang chọn (F2 hoặc Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="79"/>
        <source>Import a CSV or Excel file (Ctrl+I)</source>
        <translation>Nhập từ file CSV hoặc Excel (Ctrl+I)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="169"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="52"/>
        <source>Showroom name</source>
        <translation>Tên showroom</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="50"/>
        <source>Showroom</source>
        <translation>Showroom</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="53"/>
        <location filename="../../ui/settings_page.py" line="110"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="54"/>
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="55"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="56"/>
        <source>Receipt footer</source>
        <translation>Lời chào cuối hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="64"/>
        <source>Terminal code (this till)</source>
        <translation>Mã quầy (máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="92"/>
        <source>Bank account number</source>
        <translation>Số tài khoản nhận tiền</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="93"/>
        <source>Account holder name</source>
        <translation>Tên chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="85"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="62"/>
        <source>This till</source>
        <translation>Quầy này</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="67"/>
        <source>Customer display</source>
        <translation>Màn hình cho khách</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="69"/>
        <location filename="../../ui/settings_page.py" line="130"/>
        <source>None</source>
        <translation>Không dùng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="70"/>
        <source>Screen 1</source>
        <translation>Màn hình 1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="71"/>
        <source>Screen 2</source>
        <translation>Màn hình 2</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="72"/>
        <source>Screen 3</source>
        <translation>Màn hình 3</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77"/>
        <source>Cash difference at a Z that needs a manager (đồng)</source>
        <translation>Lệch tiền mặt khi đóng ca cần quản lý duyệt (đồng)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="82"/>
        <source>Lock the till after minutes untouched (0: never)</source>
        <translation>Tự khóa quầy sau số phút không dùng (0: không khóa)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="89"/>
        <source>Bank account for VietQR</source>
        <translation>Tài khoản nhận chuyển khoản (VietQR)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="91"/>
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="97"/>
        <source>No receipt printer</source>
        <translation>Không dùng máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="99"/>
        <source>Network (LAN)</source>
        <translation>Mạng LAN</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="100"/>
        <source>Serial port</source>
        <translation>Cổng COM (serial)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="102"/>
        <source>LP (lp command)</source>
        <translation>LP (lệnh lp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="103"/>
        <source>Windows printer</source>
        <translation>Máy in Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="104"/>
        <source>Device file</source>
        <translation>File thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="107"/>
        <source>Receipt printer</source>
        <translation>Máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="109"/>
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="111"/>
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="114"/>
        <source>Mode</source>
        <translation>Chế độ in</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="116"/>
        <source>Raster: Vietnamese on any printer</source>
        <translation>Raster: in tiếng Việt trên mọi máy in</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="117"/>
        <source>Text with a code page</source>
        <translation>Văn bản theo bảng mã</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="120"/>
        <source>Code page (text mode)</source>
        <translation>Bảng mã (chế độ văn bản)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="124"/>
        <source>E-invoices</source>
        <translation>Hóa đơn điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="128"/>
        <source>Provider</source>
        <translation>Nhà cung cấp</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="132"/>
        <source>Demo (this PC)</source>
        <translation>Mẫu (trên máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="135"/>
        <source>Provider address</source>
        <translation>Địa chỉ nhà cung cấp</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="136"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="137"/>
        <source>Template</source>
        <translation>Mẫu số</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="138"/>
        <source>Symbol of this till</source>
        <translation>Ký hiệu của quầy này</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="139"/>
        <source>Symbol for imported sales</source>
        <translation>Ký hiệu cho hàng bán nhập từ tệp</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="140"/>
        <source>Business location code</source>
        <translation>Mã địa điểm kinh doanh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="141"/>
        <source>Business location name</source>
        <translation>Tên địa điểm kinh doanh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="142"/>
        <source>Business location address</source>
        <translation>Địa chỉ địa điểm kinh doanh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="148"/>
        <source>unchanged</source>
        <translation>giữ nguyên</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="149"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="151"/>
        <source>Backups (automatic at every Z close and daily)</source>
        <translation>Sao lưu (tự động mỗi lần chốt ca Z và hằng ngày)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="153"/>
        <source>Backup folder</source>
        <translation>Thư mục sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="154"/>
        <source>Automatic backups kept</source>
        <translation>Số bản sao lưu tự động giữ lại</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="159"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="160"/>
        <source>Back up to a USB stick...</source>
        <translation>Sao lưu vào USB...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="161"/>
        <source>Restore from a backup...</source>
        <translation>Khôi phục từ bản sao lưu...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="171"/>
        <source>Save and print a test page</source>
        <translation>Lưu và in thử</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="200"/>
        <source>Back up to</source>
        <translation>Sao lưu vào</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="202"/>
        <source>Backing up to %1...</source>
        <translation>Đang sao lưu vào %1...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="208"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="210"/>
        <source>OCOP POS backups (*.sqlite3)</source>
        <translation>Bản sao lưu OCOP POS (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="214"/>
        <source>Checking the backup...</source>
        <translation>Đang kiểm tra bản sao lưu...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="227"/>
        <source>This backup cannot be restored: %1</source>
        <translation>Không thể khôi phục bản sao lưu này: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="237"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="239"/>
        <source>The backup %1 is sound. Go back to it? Everything recorded after it is set aside (the current database is kept in the backup folder). The app restarts and asks who is signing in.</source>
        <translation>Bản sao lưu %1 không có lỗi. Quay về bản này? Mọi thứ ghi sau thời điểm đó sẽ được để riêng (cơ sở dữ liệu hiện tại được giữ trong thư mục sao lưu). Chương trình sẽ khởi động lại và hỏi người đăng nhập.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="249"/>
        <source>Another showroom</source>
        <translation>Cửa hàng khác</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="251"/>
        <source>Restore the other showroom</source>
        <translation>Khôi phục dữ liệu của cửa hàng khác</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="311"/>
        <source>Type the e-invoice user name the password is for.</source>
        <translation>Hãy gõ tên đăng nhập hóa đơn điện tử của mật khẩu này.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="323"/>
        <source>Settings not saved: %1</source>
        <translation>Chưa lưu cài đặt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="330"/>
        <source>Language and terminal change from the next start.</source>
        <translation>Ngôn ngữ và mã quầy được áp dụng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="336"/>
        <source>Printing a test page...</source>
        <translation>Đang in thử...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="328"/>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <location filename="../../ui/settlement_page.py" line="56"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="58"/>
        <source>Net sales</source>
        <translation>Doanh thu thuần</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="60"/>
        <source>Commission</source>
        <translation>Hoa hồng</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="62"/>
        <source>Owed</source>
        <translation>Phải trả NSX</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="63"/>
        <source>Statement</source>
        <translation>Bảng kê</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="77"/>
        <source>Preview the statement</source>
        <translation>Xem bảng kê</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="78"/>
        <source>Issue all and close the period</source>
        <translation>Lập tất cả bảng kê và khóa sổ</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="79"/>
        <source>Record a payout</source>
        <translation>Ghi nhận đã thanh toán</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="80"/>
        <source>Record an agreed adjustment</source>
        <translation>Ghi điều chỉnh đã thỏa thuận</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="81"/>
        <source>Open the export folder</source>
        <translation>Mở thư mục xuất file</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="82"/>
        <source>Import trade-fair sales (Ctrl+I)</source>
        <translation>Nhập doanh số hội chợ (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="89"/>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="66"/>
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="57"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="68"/>
        <source>Find a producer: code or name (Ctrl+F)</source>
        <translation>Tìm chủ thể: mã hoặc tên (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="138"/>
        <location filename="../../ui/settlement_page.py" line="210"/>
        <location filename="../../ui/settlement_page.py" line="237"/>
        <source>Select a producer first.</source>
        <translation>Hãy chọn một chủ thể trước.</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="160"/>
        <source>%1 statements issued; the period is closed.</source>
        <translation>Đã lập %1 bảng kê; kỳ đã khóa sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="169"/>
        <source>Issue %1 statements for %2 - %3 (owed to producers: %4) and close the period?

After closing, nothing dated in the period can be posted; corrections go into the next period.</source>
        <translation>Lập %1 bảng kê cho kỳ %2 - %3 (phải trả các chủ thể: %4) và khóa sổ kỳ này?

Sau khi khóa sổ, không ghi được chứng từ nào trong kỳ; điều chỉnh ghi vào kỳ sau.</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="178"/>
        <source>Close the period</source>
        <translation>Khóa sổ kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="181"/>
        <source>Writing statements...</source>
        <translation>Đang lập các bảng kê...</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="204"/>
        <source>Statements saved in %1</source>
        <translation>Đã lưu các bảng kê vào %1</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="211"/>
        <source>Amount paid</source>
        <translation>Số tiền đã trả</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="214"/>
        <source>Bank reference</source>
        <translation>Mã giao dịch ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="229"/>
        <source>Payout recorded</source>
        <translation>Đã ghi nhận thanh toán</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="239"/>
        <source>Amount agreed (+ owed to the producer, - owed by them)</source>
        <translation>Số tiền thỏa thuận (+ cửa hàng nợ chủ thể, - chủ thể nợ cửa hàng)</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="243"/>
        <source>What was agreed</source>
        <translation>Nội dung đã thỏa thuận</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="260"/>
        <source>Adjustment recorded on %1</source>
        <translation>Đã ghi điều chỉnh cho %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="72"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="72"/>
        <source>Sign in to terminal %1</source>
        <translation>Đăng nhập quầy %1</translation>
    </message>
</context>
<context>
    <name>StockArea</name>
    <message>
        <location filename="../../ui/stock_area.py" line="29"/>
        <source>Stock on hand</source>
        <translation>Tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_area.py" line="30"/>
        <source>Receive goods</source>
        <translation>Nhập hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_area.py" line="31"/>
        <source>Return to producer</source>
        <translation>Trả hàng chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_area.py" line="32"/>
        <source>Stock count</source>
        <translation>Kiểm kê</translation>
    </message>
    <message>
        <location filename="../../ui/stock_area.py" line="33"/>
        <source>Expiry and recall</source>
        <translation>Hạn dùng và thu hồi</translation>
    </message>
</context>
<context>
    <name>StockCountPage</name>
    <message>
        <location filename="../../ui/stock_count_page.py" line="49"/>
        <source>All producers</source>
        <translation>Tất cả chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="50"/>
        <source>Start the count</source>
        <translation>Bắt đầu kiểm kê</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="56"/>
        <source>Count the goods of</source>
        <translation>Kiểm kê hàng của</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="63"/>
        <source>Scan each item (5*code counts five)</source>
        <translation>Quét từng món (5*mã là đếm năm món)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="65"/>
        <source>Only differences</source>
        <translation>Chỉ dòng chênh lệch</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="69"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="70"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="71"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="72"/>
        <source>In the books</source>
        <translation>Theo sổ</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="73"/>
        <location filename="../../ui/stock_count_page.py" line="105"/>
        <source>Counted</source>
        <translation>Đếm được</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="75"/>
        <source>Difference</source>
        <translation>Chênh lệch</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="77"/>
        <location filename="../../ui/stock_count_page.py" line="107"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="93"/>
        <source>Apply to the line (Enter)</source>
        <translation>Áp dụng cho dòng (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="96"/>
        <source>Post the count (Ctrl+Enter)</source>
        <translation>Ghi sổ kiểm kê (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="99"/>
        <source>Cancel the count</source>
        <translation>Hủy kiểm kê</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="138"/>
        <source>all producers</source>
        <translation>tất cả chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="140"/>
        <source>Count %1 of %2, started %3 by %4</source>
        <translation>Kiểm kê %1 của %2, bắt đầu %3 bởi %4</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="159"/>
        <source>Count started: scan every item on the shelves and in the store room.</source>
        <translation>Đã bắt đầu kiểm kê: quét mọi món trên kệ và trong kho.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="174"/>
        <source>%1 · %2: %3 counted</source>
        <translation>%1 · %2: đã đếm %3</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="188"/>
        <source>Select a line in the list first.</source>
        <translation>Hãy chọn một dòng trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="221"/>
        <source>Count %1 closed: everything agrees with the books.</source>
        <translation>Đã đóng kiểm kê %1: mọi thứ khớp với sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="225"/>
        <source>Count %1 closed; adjustment %2 posted (%3 unit(s) net).</source>
        <translation>Đã đóng kiểm kê %1; ghi sổ điều chỉnh %2 (chênh lệch ròng %3 đơn vị).</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="237"/>
        <source>Count %1 cancelled; nothing was posted.</source>
        <translation>Đã hủy kiểm kê %1; không ghi sổ gì.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="264"/>
        <source>%1 product(s), %2 with a difference, %3 without a reason</source>
        <translation>%1 sản phẩm, %2 có chênh lệch, %3 chưa có lý do</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="272"/>
        <source>%1 sale(s) since the count started: recount what they sold</source>
        <translation>%1 hóa đơn bán từ khi bắt đầu kiểm kê: hãy đếm lại các món đã bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_count_page.py" line="277"/>
        <source>not counted</source>
        <translation>chưa đếm</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/stock_page.py" line="36"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="37"/>
        <location filename="../../ui/stock_page.py" line="60"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="38"/>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="39"/>
        <source>On hand</source>
        <translation>Tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="40"/>
        <source>Value at retail</source>
        <translation>Giá trị theo giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="61"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="62"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="63"/>
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="48"/>
        <source>Red: expired · Yellow: expires within 30 days · Grey: blocked</source>
        <translation>Đỏ: đã hết hạn · Vàng: hết hạn trong 30 ngày · Xám: đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="58"/>
        <source>Sold at</source>
        <translation>Thời điểm bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="59"/>
        <source>Receipt</source>
        <translation>Số hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="64"/>
        <source>Sold beyond stock</source>
        <translation>Bán vượt tồn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="70"/>
        <source>Lots</source>
        <translation>Lô hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="71"/>
        <source>Stock exceptions</source>
        <translation>Ngoại lệ tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="77"/>
        <source>Labels for a goods receipt: one per unit (Ctrl+L)</source>
        <translation>In tem theo phiếu nhập: mỗi đơn vị một tem (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="81"/>
        <source>Adjust or write off the selected lot (Ctrl+W)</source>
        <translation>Điều chỉnh hoặc hủy lô đang chọn (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="100"/>
        <source>Stock exceptions (%1)</source>
        <translation>Ngoại lệ tồn kho (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="114"/>
        <source>Labels</source>
        <translation>In tem</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="114"/>
        <source>Goods receipt (units)</source>
        <translation>Phiếu nhập (số đơn vị)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="126"/>
        <source>Select a lot in the list first.</source>
        <translation>Hãy chọn một lô trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="129"/>
        <source>Write off (damaged, expired)</source>
        <translation>Hủy hàng (hỏng, hết hạn)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="129"/>
        <source>Count difference (+/-)</source>
        <translation>Chênh lệch kiểm kê (+/-)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="130"/>
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="133"/>
        <source>Units</source>
        <translation>Số đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="136"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="159"/>
        <source>Posted %1</source>
        <translation>Đã ghi phiếu %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="173"/>
        <source>all producers</source>
        <translation>tất cả chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="175"/>
        <source>Lots of %1: %2 units</source>
        <translation>Các lô của %1: %2 đơn vị</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <location filename="../../ui/till_page.py" line="92"/>
        <source>Scan or type a barcode / SKU, then Enter</source>
        <translation>Quét hoặc gõ mã vạch / mã hàng rồi nhấn Enter</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="100"/>
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="101"/>
        <location filename="../../ui/till_page.py" line="116"/>
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="102"/>
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="103"/>
        <location filename="../../ui/till_page.py" line="119"/>
        <location filename="../../ui/till_page.py" line="388"/>
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="117"/>
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="120"/>
        <location filename="../../ui/till_page.py" line="374"/>
        <location filename="../../ui/till_page.py" line="455"/>
        <source>Discount</source>
        <translation>Giảm giá</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="121"/>
        <location filename="../../ui/till_page.py" line="730"/>
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="151"/>
        <source>Pay (F12)</source>
        <translation>Thanh toán (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="161"/>
        <source>F12 pay · F4 quantity · F2 line discount · F3 cart discount · Del remove line · F6 park · F7 recall · ↑↓ select line · Esc clear · Ctrl+P receipts · F9 retry printing · F8 refund · Ctrl+G price · F11 cash in/out · Ctrl+D drawer · Ctrl+B buyer (e-invoice) · F10 switch user · Ctrl+K close shift</source>
        <translation>F12 thanh toán · F4 số lượng · F2 giảm giá dòng · F3 giảm giá đơn · Del xóa dòng · F6 gác đơn · F7 gọi lại · ↑↓ chọn dòng · Esc xóa ô quét · Ctrl+P hóa đơn · F9 in lại · F8 trả hàng · Ctrl+G sửa giá · F11 thu/chi · Ctrl+D mở két · Ctrl+B người mua (HĐĐT) · F10 đổi người · Ctrl+K kết ca</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="224"/>
        <source>Terminal %1 · cashier %2</source>
        <translation>Quầy %1 · thu ngân %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="294"/>
        <source>Added %1 × %2</source>
        <translation>Đã thêm %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="299"/>
        <source>No product has the code or name &quot;%1&quot;</source>
        <translation>Không có sản phẩm nào có mã hoặc tên &quot;%1&quot;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="307"/>
        <source>%n product(s) match &quot;%1&quot;: pick one with the arrows and Enter</source>
        <translation>
            <numerusform>%n sản phẩm khớp &quot;%1&quot;: chọn bằng phím mũi tên rồi Enter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="344"/>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="366"/>
        <source>Whole cart</source>
        <translation>Cả đơn hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="375"/>
        <source>%1
Amount (e.g. 5.000) or percent (e.g. 10%)</source>
        <translation>%1
Số tiền (ví dụ 5.000) hoặc phần trăm (ví dụ 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="389"/>
        <source>New unit price for %1</source>
        <translation>Đơn giá mới cho %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="415"/>
        <source>Not approved: the change is not allowed without a manager</source>
        <translation>Chưa được duyệt: thay đổi này cần quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="428"/>
        <source>Removed %1</source>
        <translation>Đã xóa %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="454"/>
        <source>Goods (%n item(s))</source>
        <translation>
            <numerusform>Tiền hàng (%n món)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="457"/>
        <source>incl. VAT %1</source>
        <translation>gồm thuế GTGT %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="558"/>
        <source>no recorded stock</source>
        <translation>không có tồn kho ghi nhận</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="564"/>
        <source>%1 · expires %2</source>
        <translation>%1 · hạn dùng %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="575"/>
        <source>Lot: %1</source>
        <translation>Lô: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="576"/>
        <source>On hand: %1</source>
        <translation>Tồn kho: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="587"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n món</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="593"/>
        <source>Cart parked: F7 brings it back</source>
        <translation>Đã gác đơn: F7 để gọi lại</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="599"/>
        <source>No parked cart</source>
        <translation>Không có đơn nào đang gác</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="606"/>
        <source>Recall a parked cart</source>
        <translation>Gọi lại đơn đang gác</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="606"/>
        <source>Cart</source>
        <translation>Đơn hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="613"/>
        <source>Cart recalled</source>
        <translation>Đã gọi lại đơn</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="651"/>
        <source>The sale was not saved: %1</source>
        <translation>Chưa lưu được đơn bán: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="666"/>
        <source>Change %1</source>
        <translation>Tiền thối %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="669"/>
        <source>Sale %1 saved · change %2</source>
        <translation>Đã lưu đơn %1 · tiền thối %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="675"/>
        <source>more sold than recorded stock: %1</source>
        <translation>bán vượt tồn kho ghi nhận: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="685"/>
        <source>This showroom issues no e-invoices (Settings)</source>
        <translation>Showroom chưa dùng hóa đơn điện tử (xem Cài đặt)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="691"/>
        <source>Buyer on the e-invoice</source>
        <translation>Người mua trên hóa đơn điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="694"/>
        <source>The e-invoice of this sale goes to %1</source>
        <translation>Hóa đơn điện tử của đơn này đứng tên %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="717"/>
        <source>Refund %1 saved: give back %2</source>
        <translation>Đã lưu phiếu trả %1: hoàn lại %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="724"/>
        <source>Cash out (paying a delivery...)</source>
        <translation>Chi tiền ra (trả tiền giao hàng...)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="724"/>
        <source>Cash in (buying change...)</source>
        <translation>Thu tiền vào (đổi tiền lẻ...)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="726"/>
        <location filename="../../ui/till_page.py" line="730"/>
        <location filename="../../ui/till_page.py" line="733"/>
        <source>Cash in / out</source>
        <translation>Thu / chi tiền mặt</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="726"/>
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="733"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="749"/>
        <source>Recorded: %1 %2</source>
        <translation>Đã ghi: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="771"/>
        <source>Finish or park the cart before closing the shift</source>
        <translation>Hãy thanh toán hoặc gác đơn trước khi kết ca</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/users_panel.py" line="15"/>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="18"/>
        <source>cashier (PIN)</source>
        <translation>thu ngân (mã PIN)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="19"/>
        <source>manager</source>
        <translation>quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="20"/>
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="24"/>
        <location filename="../../ui/users_panel.py" line="42"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="25"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="26"/>
        <location filename="../../ui/users_panel.py" line="50"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="30"/>
        <source>Add a user (admin)</source>
        <translation>Thêm người dùng (quản trị)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="42"/>
        <location filename="../../ui/users_panel.py" line="45"/>
        <location filename="../../ui/users_panel.py" line="50"/>
        <location filename="../../ui/users_panel.py" line="56"/>
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="45"/>
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="57"/>
        <source>PIN (cashier, 4-8 digits) or password (8+)</source>
        <translation>Mã PIN (thu ngân, 4-8 số) hoặc mật khẩu (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="75"/>
        <source>Added %1</source>
        <translation>Đã thêm %1</translation>
    </message>
</context>
</TS>
