"""Charts for the reports screen (QtCharts): bars over time for periods, horizontal bars for
groups with long names. Amounts are drawn in thousands of đồng; the table keeps exact figures."""

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont

COLOURS = ("#3d7a57", "#0b5394")
LABEL_CHARS = 34  # a longer product name is cut with "…" on the axis, whole in the table


def _short(label: str) -> str:
    label = label[:1].upper() + label[1:]  # 'gốm Bát Tràng', the short name of a workshop
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(
    title: str,
    labels: list[str],
    series: dict[str, list[int]],
    horizontal: bool,
    unit: str,
) -> QChart:
    """One bar set per entry of ``series`` (e.g. one range, or earlier and later)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(len(series) > 1)
    chart.legend().setAlignment(Qt.AlignBottom)
    if horizontal:  # read top-down best first; Qt draws the first category at the bottom
        labels = labels[::-1]
        series = {name: values[::-1] for name, values in series.items()}
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    for colour, (name, values) in zip(COLOURS, series.items(), strict=False):
        bar_set = QBarSet(name)
        bar_set.setColor(QColor(colour))
        bar_set.append([value / 1000 for value in values])  # drawing only: thousands of đồng
        bars.append(bar_set)
    chart.addSeries(bars)
    categories = QBarCategoryAxis()
    categories.append([_short(label) for label in labels])
    amounts = QValueAxis()
    amounts.setLabelFormat("%.0f")
    amounts.setTitleText(unit)
    chart.addAxis(categories, Qt.AlignLeft if horizontal else Qt.AlignBottom)
    chart.addAxis(amounts, Qt.AlignBottom if horizontal else Qt.AlignLeft)
    bars.attachAxis(categories)
    bars.attachAxis(amounts)
    amounts.applyNiceNumbers()  # 0, 5.000, 10.000 rather than 0, 5.900, 11.800
    small = QFont(categories.labelsFont())
    small.setPixelSize(11)
    categories.setLabelsFont(small)
    amounts.setLabelsFont(small)
    if not horizontal and len(labels) > 12:
        categories.setLabelsAngle(-90)
    return chart
