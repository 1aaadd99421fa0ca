<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="84" />
        <source>Manager approval</source>
        <translation>Quản lý duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="85" />
        <source>A manager approves: %1</source>
        <translation>Quản lý duyệt: %1</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/audit_page.py" line="35" />
        <source>All actions</source>
        <translation>Tất cả thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="37" />
        <source>User name (actor or approver)</source>
        <translation>Tên đăng nhập (người làm hoặc người duyệt)</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="42" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="43" />
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="44" />
        <source>By</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="45" />
        <source>Approved by</source>
        <translation>Người duyệt</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="46" />
        <source>Terminal</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="47" />
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/audit_page.py" line="64" />
        <source>Only managers can see the audit log.</source>
        <translation>Chỉ quản lý được xem nhật ký kiểm soát.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="36" />
        <source>Close the shift</source>
        <translation>Kết ca</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="52" />
        <source>Transfers received (from the bank app)</source>
        <translation>Tiền chuyển khoản đã nhận (theo ứng dụng ngân hàng)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="54" />
        <source>Card total (terminal's batch)</source>
        <translation>Tổng quẹt thẻ (theo máy POS ngân hàng)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="56" />
        <source>Count the cash in the drawer, note by note.</source>
        <translation>Đếm tiền mặt trong két theo từng mệnh giá.</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="59" />
        <source>X report (interim)</source>
        <translation>Báo cáo X (giữa ca)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="61" />
        <source>Close the shift (Z)</source>
        <translation>Đóng ca (Z)</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="75" />
        <source>Cash counted by denomination</source>
        <translation>Tiền mặt đếm được theo mệnh giá</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="89" />
        <source>Cash counted: %1</source>
        <translation>Tiền mặt đếm được: %1</translation>
    </message>
    <message>
        <location filename="../../ui/close_shift_dialog.py" line="114" />
        <source>Shift closed: %1 · cash difference %2</source>
        <translation>Đã đóng ca: %1 · chênh lệch tiền mặt %2</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="43" />
        <source>OK (Enter)</source>
        <translation>Đồng ý (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="47" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="48" />
        <source>PIN or password</source>
        <translation>Mã PIN hoặc mật khẩu</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="20" />
        <source>Something went wrong</source>
        <translation>Đã xảy ra lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="26" />
        <source>The program hit an unexpected error. Your data is safe: everything already saved stays saved. The details were written to the log file.</source>
        <translation>Chương trình gặp lỗi không mong muốn. Dữ liệu của bạn an toàn: mọi thứ đã lưu vẫn còn nguyên. Chi tiết đã được ghi vào file nhật ký.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="118" />
        <source>New showroom</source>
        <translation>Showroom mới</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="133" />
        <source>No receipt printer yet</source>
        <translation>Chưa có máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="134" />
        <source>Network (LAN)</source>
        <translation>Mạng LAN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="139" />
        <source>Showroom name</source>
        <translation>Tên showroom</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="140" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="141" />
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="142" />
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="143" />
        <source>Bank account number</source>
        <translation>Số tài khoản nhận tiền</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="144" />
        <source>Account holder name</source>
        <translation>Tên chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="145" />
        <source>Admin user name</source>
        <translation>Tên đăng nhập quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="146" />
        <source>Admin full name</source>
        <translation>Họ tên quản trị viên</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="147" />
        <source>Admin password (8+ characters)</source>
        <translation>Mật khẩu quản trị (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="148" />
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="153" />
        <source>Receipt printer</source>
        <translation>Máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="157" />
        <source>Create the showroom</source>
        <translation>Tạo showroom</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="161" />
        <source>Welcome. Set up this showroom and its administrator.</source>
        <translation>Chào mừng. Hãy thiết lập showroom và tài khoản quản trị.</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="171" />
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../ui/label_dialog.py" line="39" />
        <source>Labels</source>
        <translation>In tem</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="52" />
        <source>Number of labels</source>
        <translation>Số tem</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/label_dialog.py" line="54" />
        <source>%n label(s)</source>
        <translation>
            <numerusform>%n tem</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="55" />
        <source>A4 sheet</source>
        <translation>Tờ tem A4</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="56" />
        <source>Start at position</source>
        <translation>Bắt đầu từ ô số</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="57" />
        <source>A4 sheet (PDF)</source>
        <translation>Tờ A4 (PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/label_dialog.py" line="60" />
        <source>Thermal printer</source>
        <translation>Máy in nhiệt</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <source>This screen is not ready yet; it comes in a later version.</source>
        <translation>Màn hình này chưa sẵn sàng; sẽ có trong phiên bản sau.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>Sell</source>
        <translation>Bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Consignment stock</source>
        <translation>Hàng ký gửi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Producers</source>
        <translation>Chủ thể OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Settlement</source>
        <translation>Quyết toán</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Audit log</source>
        <translation>Nhật ký kiểm soát</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>cashier</source>
        <translation>thu ngân</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>manager</source>
        <translation>quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>Signed in: %1 (%2) · database: %3</source>
        <translation>Đang đăng nhập: %1 (%2) · cơ sở dữ liệu: %3</translation>
    </message>
</context>
<context>
    <name>OpenShiftForm</name>
    <message>
        <location filename="../../ui/open_shift_form.py" line="37" />
        <source>Open shift</source>
        <translation>Mở ca</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="41" />
        <source>Open a shift to start selling</source>
        <translation>Mở ca để bắt đầu bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="44" />
        <source>Cashier</source>
        <translation>Thu ngân</translation>
    </message>
    <message>
        <location filename="../../ui/open_shift_form.py" line="45" />
        <source>Opening cash float</source>
        <translation>Tiền mặt đầu ca</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/payment_dialog.py" line="38" />
        <source>Payment</source>
        <translation>Thanh toán</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="82" />
        <source>Money received in the account (F4)</source>
        <translation>Đã nhận được tiền vào tài khoản (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="86" />
        <source>Card terminal reference</source>
        <translation>Mã giao dịch trên máy cà thẻ</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="91" />
        <source>Enter: take this amount · Esc: back to the cart</source>
        <translation>Enter: nhận số tiền này · Esc: quay lại giỏ hàng</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="99" />
        <source>Reference</source>
        <translation>Mã giao dịch</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="101" />
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="106" />
        <source>To pay</source>
        <translation>Khách phải trả</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="172" />
        <source>handed %1</source>
        <translation>khách đưa %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="184" />
        <source>Change: %1</source>
        <translation>Tiền thối: %1</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="249" />
        <source>Confirm that the transfer has arrived (F4) first.</source>
        <translation>Hãy xác nhận đã nhận được tiền chuyển khoản (F4) trước.</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="263" />
        <source>Cash</source>
        <translation>Tiền mặt</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="264" />
        <source>Bank transfer</source>
        <translation>Chuyển khoản</translation>
    </message>
    <message>
        <location filename="../../ui/payment_dialog.py" line="265" />
        <source>Card</source>
        <translation>Thẻ</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <location filename="../../ui/print_service.py" line="81" />
        <source>Printer: nothing waiting</source>
        <translation>Máy in: không có hóa đơn nào đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="95" />
        <source>Printer: test page printed</source>
        <translation>Máy in: đã in trang thử</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="106" />
        <source>Printer: printed</source>
        <translation>Máy in: đã in</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="113" />
        <source>Drawer opened</source>
        <translation>Đã mở két</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="118" />
        <source>Printer: %1 label(s) printed</source>
        <translation>Máy in: đã in %1 tem</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="128" />
        <source>Labels saved: %1</source>
        <translation>Đã lưu tem: %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="154" />
        <source>Printer: receipt %1 printed</source>
        <translation>Máy in: đã in hóa đơn %1</translation>
    </message>
    <message>
        <location filename="../../ui/print_service.py" line="159" />
        <source>Printer: %1 · %2 receipt(s) waiting, F9 to retry</source>
        <translation>Máy in: %1 · %2 hóa đơn đang chờ, F9 để in lại</translation>
    </message>
</context>
<context>
    <name>ProducersPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="134" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="135" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="136" />
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="137" />
        <source>Province</source>
        <translation>Tỉnh/TP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="138" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="139" />
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="140" />
        <source>Bank account</source>
        <translation>Tài khoản ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="141" />
        <source>Commission</source>
        <translation>Hoa hồng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="143" />
        <source>Search producer name, code or province</source>
        <translation>Tìm tên, mã hoặc tỉnh của chủ thể</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="64" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="65" />
        <source>Barcode</source>
        <translation>Mã vạch</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="66" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="67" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="68" />
        <source>OCOP</source>
        <translation>OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="69" />
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="70" />
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="71" />
        <source>VAT</source>
        <translation>Thuế GTGT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="73" />
        <source>Search name, SKU, barcode or producer (e.g. tra sam)</source>
        <translation>Tìm theo tên, mã hàng, mã vạch hoặc chủ thể (ví dụ: tra sam)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="81" />
        <source>Labels for the selected product (Ctrl+L)</source>
        <translation>In tem cho sản phẩm đang chọn (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="82" />
        <source>Give it an in-store barcode (Ctrl+B)</source>
        <translation>Cấp mã vạch nội bộ (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="92" />
        <source>Select a product in the list first.</source>
        <translation>Hãy chọn một sản phẩm trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="119" />
        <source>%1 has the in-store barcode %2</source>
        <translation>%1 đã có mã vạch nội bộ %2</translation>
    </message>
</context>
<context>
    <name>ReceiptPreview</name>
    <message>
        <location filename="../../ui/receipt_preview.py" line="30" />
        <source>Receipt</source>
        <translation>Hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_preview.py" line="33" />
        <source>Receipt number, e.g. T01-000001</source>
        <translation>Số hóa đơn, ví dụ T01-000001</translation>
    </message>
    <message>
        <location filename="../../ui/receipt_preview.py" line="43" />
        <source>Print a copy (Ctrl+P)</source>
        <translation>In bản sao (Ctrl+P)</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../ui/refund_dialog.py" line="38" />
        <location filename="../../ui/refund_dialog.py" line="45" />
        <source>Refund</source>
        <translation>Trả hàng</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="40" />
        <source>Scan the receipt's QR or type its number</source>
        <translation>Quét mã QR trên hóa đơn hoặc gõ số hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="45" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="45" />
        <source>Sold</source>
        <translation>Đã bán</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="45" />
        <source>Refunded before</source>
        <translation>Đã trả trước</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="54" />
        <source>Goods damaged: write them off instead of restocking</source>
        <translation>Hàng hỏng: hủy thay vì nhập lại kho</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="59" />
        <source>Refund (F12)</source>
        <translation>Trả hàng (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="64" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="65" />
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="66" />
        <source>Money back by</source>
        <translation>Hoàn tiền bằng</translation>
    </message>
    <message>
        <location filename="../../ui/refund_dialog.py" line="100" />
        <source>Receipt %1: set the quantities to refund</source>
        <translation>Hóa đơn %1: nhập số lượng trả</translation>
    </message>
</context>
<context>
    <name>SearchListPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="22" />
        <source>%n item(s)</source>
        <translation>%n mục</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="80" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="36" />
        <source>Showroom name</source>
        <translation>Tên showroom</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="34" />
        <source>Showroom</source>
        <translation>Showroom</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="37" />
        <location filename="../../ui/settings_page.py" line="67" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="38" />
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="39" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="40" />
        <source>Receipt footer</source>
        <translation>Lời chào cuối hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="41" />
        <source>Terminal code (this till)</source>
        <translation>Mã quầy (máy này)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="49" />
        <source>Bank account number</source>
        <translation>Số tài khoản nhận tiền</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="50" />
        <source>Account holder name</source>
        <translation>Tên chủ tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="42" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="46" />
        <source>Bank account for VietQR</source>
        <translation>Tài khoản nhận chuyển khoản (VietQR)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="48" />
        <source>Bank BIN</source>
        <translation>Mã BIN ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="54" />
        <source>No receipt printer</source>
        <translation>Không dùng máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="56" />
        <source>Network (LAN)</source>
        <translation>Mạng LAN</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="57" />
        <source>Serial port</source>
        <translation>Cổng COM (serial)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="59" />
        <source>LP (lp command)</source>
        <translation>LP (lệnh lp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="60" />
        <source>Windows printer</source>
        <translation>Máy in Windows</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61" />
        <source>Device file</source>
        <translation>File thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="64" />
        <source>Receipt printer</source>
        <translation>Máy in hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="66" />
        <source>Connection</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="68" />
        <source>Paper</source>
        <translation>Khổ giấy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="71" />
        <source>Mode</source>
        <translation>Chế độ in</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="73" />
        <source>Raster: Vietnamese on any printer</source>
        <translation>Raster: in tiếng Việt trên mọi máy in</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="74" />
        <source>Text with a code page</source>
        <translation>Văn bản theo bảng mã</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="77" />
        <source>Code page (text mode)</source>
        <translation>Bảng mã (chế độ văn bản)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="82" />
        <source>Save and print a test page</source>
        <translation>Lưu và in thử</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="153" />
        <source>Settings not saved: %1</source>
        <translation>Chưa lưu cài đặt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="157" />
        <source>Language and terminal change from the next start.</source>
        <translation>Ngôn ngữ và mã quầy được áp dụng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="163" />
        <source>Printing a test page...</source>
        <translation>Đang in thử...</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="155" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <location filename="../../ui/settlement_page.py" line="80" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="81" />
        <source>Net sales</source>
        <translation>Doanh thu thuần</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="82" />
        <source>Commission</source>
        <translation>Hoa hồng</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="83" />
        <source>Owed</source>
        <translation>Phải trả NSX</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="84" />
        <source>Statement</source>
        <translation>Bảng kê</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="93" />
        <source>Preview the statement</source>
        <translation>Xem bảng kê</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="94" />
        <source>Issue all and close the period</source>
        <translation>Lập tất cả bảng kê và khóa sổ</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="95" />
        <source>Record a payout</source>
        <translation>Ghi nhận đã thanh toán</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="96" />
        <source>Open the export folder</source>
        <translation>Mở thư mục xuất file</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="102" />
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="124" />
        <source>draft</source>
        <translation>bản nháp</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="134" />
        <location filename="../../ui/settlement_page.py" line="184" />
        <source>Select a producer first.</source>
        <translation>Hãy chọn một chủ thể trước.</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="154" />
        <source>%1 statements issued; the period is closed.</source>
        <translation>Đã lập %1 bảng kê; kỳ đã khóa sổ.</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="160" />
        <source>Writing statements...</source>
        <translation>Đang lập các bảng kê...</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="178" />
        <source>Statements saved in %1</source>
        <translation>Đã lưu các bảng kê vào %1</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="185" />
        <source>Amount paid</source>
        <translation>Số tiền đã trả</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="188" />
        <source>Bank reference</source>
        <translation>Mã giao dịch ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/settlement_page.py" line="202" />
        <source>Payout recorded</source>
        <translation>Đã ghi nhận thanh toán</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.py" line="73" />
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.py" line="73" />
        <source>Sign in to terminal %1</source>
        <translation>Đăng nhập quầy %1</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/stock_page.py" line="38" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="39" />
        <location filename="../../ui/stock_page.py" line="47" />
        <location filename="../../ui/stock_page.py" line="74" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="40" />
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="41" />
        <location filename="../../ui/stock_page.py" line="54" />
        <source>On hand</source>
        <translation>Tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="42" />
        <source>Value at retail</source>
        <translation>Giá trị theo giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="48" />
        <location filename="../../ui/stock_page.py" line="75" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="49" />
        <location filename="../../ui/stock_page.py" line="76" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="50" />
        <location filename="../../ui/stock_page.py" line="77" />
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="51" />
        <source>Produced</source>
        <translation>Ngày SX</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="52" />
        <source>Expiry</source>
        <translation>Hạn dùng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="53" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="62" />
        <source>Red: expired · Yellow: expires within 30 days · Grey: blocked</source>
        <translation>Đỏ: đã hết hạn · Vàng: hết hạn trong 30 ngày · Xám: đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="72" />
        <source>Sold at</source>
        <translation>Thời điểm bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="73" />
        <source>Receipt</source>
        <translation>Số hóa đơn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="78" />
        <source>Sold beyond stock</source>
        <translation>Bán vượt tồn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="83" />
        <source>Lots</source>
        <translation>Lô hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="84" />
        <source>Stock exceptions</source>
        <translation>Ngoại lệ tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="90" />
        <source>Labels for a goods receipt: one per unit (Ctrl+L)</source>
        <translation>In tem theo phiếu nhập: mỗi đơn vị một tem (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="94" />
        <source>Adjust or write off the selected lot (Ctrl+W)</source>
        <translation>Điều chỉnh hoặc hủy lô đang chọn (Ctrl+W)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="115" />
        <source>Stock exceptions (%1)</source>
        <translation>Ngoại lệ tồn kho (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="127" />
        <source>Labels</source>
        <translation>In tem</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="127" />
        <source>Goods receipt (units)</source>
        <translation>Phiếu nhập (số đơn vị)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="139" />
        <source>Select a lot in the list first.</source>
        <translation>Hãy chọn một lô trong danh sách trước.</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="142" />
        <source>Write off (damaged, expired)</source>
        <translation>Hủy hàng (hỏng, hết hạn)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="142" />
        <source>Count difference (+/-)</source>
        <translation>Chênh lệch kiểm kê (+/-)</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="143" />
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="146" />
        <source>Units</source>
        <translation>Số đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="149" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="171" />
        <source>Posted %1</source>
        <translation>Đã ghi phiếu %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="185" />
        <source>all producers</source>
        <translation>tất cả chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="187" />
        <source>Lots of %1: %2 units</source>
        <translation>Các lô của %1: %2 đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="192" />
        <source>blocked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="194" />
        <source>expired</source>
        <translation>hết hạn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="194" />
        <source>expires soon</source>
        <translation>sắp hết hạn</translation>
    </message>
</context>
<context>
    <name>TillPage</name>
    <message>
        <location filename="../../ui/till_page.py" line="75" />
        <source>Scan or type a barcode / SKU, then Enter</source>
        <translation>Quét hoặc gõ mã vạch / mã hàng rồi nhấn Enter</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="85" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="86" />
        <location filename="../../ui/till_page.py" line="100" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="87" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="88" />
        <location filename="../../ui/till_page.py" line="352" />
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="101" />
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="103" />
        <source>Unit price</source>
        <translation>Đơn giá</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="105" />
        <location filename="../../ui/till_page.py" line="338" />
        <location filename="../../ui/till_page.py" line="409" />
        <source>Discount</source>
        <translation>Giảm giá</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="106" />
        <location filename="../../ui/till_page.py" line="566" />
        <source>Amount</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="126" />
        <source>Pay (F12)</source>
        <translation>Thanh toán (F12)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="138" />
        <source>F12 pay · F4 quantity · F2 line discount · F3 cart discount · Del remove line · F6 park · F7 recall · ↑↓ select line · Esc clear · Ctrl+P receipts · F9 retry printing · F8 refund · Ctrl+G price · F11 cash in/out · Ctrl+D drawer · F10 switch user · Ctrl+K close shift</source>
        <translation>F12 thanh toán · F4 số lượng · F2 giảm giá dòng · F3 giảm giá đơn · Del xóa dòng · F6 gác đơn · F7 gọi lại · ↑↓ chọn dòng · Esc xóa ô quét · Ctrl+P hóa đơn · F9 in lại · F8 trả hàng · Ctrl+G sửa giá · F11 thu/chi · Ctrl+D mở két · F10 đổi người · Ctrl+K kết ca</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="198" />
        <source>Terminal %1 · cashier %2</source>
        <translation>Quầy %1 · thu ngân %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="264" />
        <source>Added %1 × %2</source>
        <translation>Đã thêm %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="269" />
        <source>No product has the code or name "%1"</source>
        <translation>Không có sản phẩm nào có mã hoặc tên "%1"</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="277" />
        <source>%n product(s) match "%1": pick one with the arrows and Enter</source>
        <translation>
            <numerusform>%n sản phẩm khớp "%1": chọn bằng phím mũi tên rồi Enter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="308" />
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="330" />
        <source>Whole cart</source>
        <translation>Cả đơn hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="339" />
        <source>%1
Amount (e.g. 5.000) or percent (e.g. 10%)</source>
        <translation>%1
Số tiền (ví dụ 5.000) hoặc phần trăm (ví dụ 10%)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="353" />
        <source>New unit price for %1</source>
        <translation>Đơn giá mới cho %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="375" />
        <source>Not approved: the change is not allowed without a manager</source>
        <translation>Chưa được duyệt: thay đổi này cần quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="387" />
        <source>Removed %1</source>
        <translation>Đã xóa %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="408" />
        <source>Goods (%n item(s))</source>
        <translation>
            <numerusform>Tiền hàng (%n món)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="411" />
        <source>incl. VAT %1</source>
        <translation>trong đó thuế GTGT %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="432" />
        <source>no recorded stock</source>
        <translation>không có tồn kho ghi nhận</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="438" />
        <source>%1 · expires %2</source>
        <translation>%1 · hạn dùng %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="449" />
        <source>Lot: %1</source>
        <translation>Lô: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="450" />
        <source>On hand: %1</source>
        <translation>Tồn kho: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/till_page.py" line="461" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n món</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="465" />
        <source>Cart parked: F7 brings it back</source>
        <translation>Đã gác đơn: F7 để gọi lại</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="471" />
        <source>No parked cart</source>
        <translation>Không có đơn nào đang gác</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="478" />
        <source>Recall a parked cart</source>
        <translation>Gọi lại đơn đang gác</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="478" />
        <source>Cart</source>
        <translation>Đơn hàng</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="484" />
        <source>Cart recalled</source>
        <translation>Đã gọi lại đơn</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="518" />
        <source>The sale was not saved: %1</source>
        <translation>Chưa lưu được đơn bán: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="530" />
        <source>Sale %1 saved · change %2</source>
        <translation>Đã lưu đơn %1 · tiền thối %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="536" />
        <source>more sold than recorded stock: %1</source>
        <translation>bán vượt tồn kho ghi nhận: %1</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="553" />
        <source>Refund %1 saved: give back %2</source>
        <translation>Đã lưu phiếu trả %1: hoàn lại %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="560" />
        <source>Cash out (paying a delivery...)</source>
        <translation>Chi tiền ra (trả tiền giao hàng...)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="560" />
        <source>Cash in (buying change...)</source>
        <translation>Thu tiền vào (đổi tiền lẻ...)</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="562" />
        <location filename="../../ui/till_page.py" line="566" />
        <location filename="../../ui/till_page.py" line="569" />
        <source>Cash in / out</source>
        <translation>Thu / chi tiền mặt</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="562" />
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="569" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="585" />
        <source>Recorded: %1 %2</source>
        <translation>Đã ghi: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/till_page.py" line="605" />
        <source>Finish or park the cart before closing the shift</source>
        <translation>Hãy thanh toán hoặc gác đơn trước khi kết ca</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/users_panel.py" line="15" />
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="18" />
        <source>cashier (PIN)</source>
        <translation>thu ngân (mã PIN)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="19" />
        <source>manager</source>
        <translation>quản lý</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="20" />
        <source>admin</source>
        <translation>quản trị</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="24" />
        <location filename="../../ui/users_panel.py" line="44" />
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="25" />
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="26" />
        <location filename="../../ui/users_panel.py" line="52" />
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="30" />
        <source>Add a user (admin)</source>
        <translation>Thêm người dùng (quản trị)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="44" />
        <location filename="../../ui/users_panel.py" line="47" />
        <location filename="../../ui/users_panel.py" line="52" />
        <location filename="../../ui/users_panel.py" line="58" />
        <source>New user</source>
        <translation>Người dùng mới</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="47" />
        <source>Full name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="59" />
        <source>PIN (cashier, 4-8 digits) or password (8+)</source>
        <translation>Mã PIN (thu ngân, 4-8 số) hoặc mật khẩu (từ 8 ký tự)</translation>
    </message>
    <message>
        <location filename="../../ui/users_panel.py" line="77" />
        <source>Added %1</source>
        <translation>Đã thêm %1</translation>
    </message>
</context>
</TS>