<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="39" />
        <source>This screen is not ready yet; it comes in a later version.</source>
        <translation>Màn hình này chưa sẵn sàng; sẽ có trong phiên bản sau.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50" />
        <source>Sell</source>
        <translation>Bán hàng</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="51" />
        <source>Consignment stock</source>
        <translation>Hàng ký gửi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52" />
        <source>Producers</source>
        <translation>Chủ thể OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="53" />
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="54" />
        <source>Settlement</source>
        <translation>Quyết toán</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="56" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78" />
        <source>Database: %1</source>
        <translation>Cơ sở dữ liệu: %1</translation>
    </message>
</context>
<context>
    <name>ProducersPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="79" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="80" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="81" />
        <source>Kind</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="82" />
        <source>Province</source>
        <translation>Tỉnh/TP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="83" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="84" />
        <source>Tax code</source>
        <translation>Mã số thuế</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="85" />
        <source>Bank account</source>
        <translation>Tài khoản ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="86" />
        <source>Commission</source>
        <translation>Hoa hồng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="88" />
        <source>Search producer name, code or province</source>
        <translation>Tìm tên, mã hoặc tỉnh của chủ thể</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <location filename="../../ui/catalog_pages.py" line="58" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="59" />
        <source>Barcode</source>
        <translation>Mã vạch</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="60" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="61" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="62" />
        <source>OCOP</source>
        <translation>OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="63" />
        <source>Unit</source>
        <translation>ĐVT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="64" />
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="65" />
        <source>VAT</source>
        <translation>Thuế GTGT</translation>
    </message>
    <message>
        <location filename="../../ui/catalog_pages.py" line="67" />
        <source>Search name, SKU, barcode or producer (e.g. tra sam)</source>
        <translation>Tìm theo tên, mã hàng, mã vạch hoặc chủ thể (ví dụ: tra sam)</translation>
    </message>
</context>
<context>
    <name>SearchListPage</name>
    <message numerus="yes">
        <location filename="../../ui/catalog_pages.py" line="44" />
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n mục</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SellPage</name>
    <message>
        <location filename="../../ui/sell_page.py" line="22" />
        <source>Scan or type a barcode / SKU, then Enter</source>
        <translation>Quét hoặc gõ mã vạch / mã hàng rồi nhấn Enter</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="35" />
        <location filename="../../ui/sell_page.py" line="43" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="36" />
        <source>OCOP rating</source>
        <translation>Hạng OCOP</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="37" />
        <source>On hand</source>
        <translation>Tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="38" />
        <source>Next lot to sell</source>
        <translation>Lô bán tiếp theo</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="41" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="42" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="44" />
        <source>Price</source>
        <translation>Giá bán</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sell_page.py" line="74" />
        <source>%n product(s) match "%1": pick one with the arrows and Enter</source>
        <translation>
            <numerusform>%n sản phẩm khớp "%1": chọn bằng phím mũi tên rồi Enter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="80" />
        <source>No product has the code or name "%1"</source>
        <translation>Không có sản phẩm nào có mã hoặc tên "%1"</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="96" />
        <source>no sellable lot</source>
        <translation>không còn lô bán được</translation>
    </message>
    <message>
        <location filename="../../ui/sell_page.py" line="97" />
        <source>Found %1</source>
        <translation>Đã tìm thấy %1</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/settings_page.py" line="30" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="35" />
        <source>Showroom name</source>
        <translation>Tên showroom</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="36" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="37" />
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="61" />
        <source>Settings not saved</source>
        <translation>Chưa lưu được cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="63" />
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_page.py" line="65" />
        <source>The new language is used from the next start.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <location filename="../../ui/stock_page.py" line="21" />
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="22" />
        <location filename="../../ui/stock_page.py" line="30" />
        <source>Producer</source>
        <translation>Chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="23" />
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="24" />
        <location filename="../../ui/stock_page.py" line="37" />
        <source>On hand</source>
        <translation>Tồn kho</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="25" />
        <source>Value at retail</source>
        <translation>Giá trị theo giá bán</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="31" />
        <source>SKU</source>
        <translation>Mã hàng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="32" />
        <source>Product</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="33" />
        <source>Lot</source>
        <translation>Lô</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="34" />
        <source>Produced</source>
        <translation>Ngày SX</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="35" />
        <source>Expiry</source>
        <translation>Hạn dùng</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="36" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="45" />
        <source>Red: expired · Yellow: expires within 30 days · Grey: blocked</source>
        <translation>Đỏ: đã hết hạn · Vàng: hết hạn trong 30 ngày · Xám: đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="74" />
        <source>all producers</source>
        <translation>tất cả chủ thể</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="76" />
        <source>Lots of %1: %2 units</source>
        <translation>Các lô của %1: %2 đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="81" />
        <source>blocked</source>
        <translation>đã khóa</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="83" />
        <source>expired</source>
        <translation>hết hạn</translation>
    </message>
    <message>
        <location filename="../../ui/stock_page.py" line="83" />
        <source>expires soon</source>
        <translation>sắp hết hạn</translation>
    </message>
</context>
</TS>