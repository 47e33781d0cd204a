"""Divisions (门类/大类) of GB/T 4754-2017: (code, section, Chinese name, English name)."""

SECTORS: list[tuple[str, str, str, str]] = [
    ("13", "C", "农副食品加工业", "Processing of food from agricultural products"),
    ("17", "C", "纺织业", "Manufacture of textiles"),
    ("18", "C", "纺织服装、服饰业", "Manufacture of textile wearing apparel and accessories"),
    ("34", "C", "通用设备制造业", "Manufacture of general-purpose machinery"),
    ("35", "C", "专用设备制造业", "Manufacture of special-purpose machinery"),
    ("38", "C", "电气机械和器材制造业", "Manufacture of electrical machinery and equipment"),
]
