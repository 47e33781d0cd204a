"""The map behind the demo: where firms sit, which industries sit where, and what each industry can do and lacks.

Weights follow the facts of the mission brief: of the 2015 national top-100 clusters 85 were
in Zhejiang (36), Guangdong (21), Jiangsu (17), Fujian (6) and Shandong (5); textiles,
apparel, light-industry equipment and small appliances sit on the coast, heavy machinery,
oil equipment and steel in the Northeast, agri-food processing in central China.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    division: str  # GB/T 2260 code of the city (or county-level city), used in credit codes
    zh: str
    en: str
    weight: float
    hub: bool = False  # a services hub: software, design, testing and finance firms gather here


@dataclass(frozen=True)
class Group:
    """An industry as the demo sees it: its GB/T 4754 divisions, what it offers and what it looks for."""

    key: str
    sectors: tuple[str, ...]
    capabilities: tuple[str, ...]
    needs: tuple[str, ...]
    words: tuple[tuple[str, str], ...]  # (Chinese, English) words for firm names
    label_zh: str
    label_en: str
    service: bool = False


# Share of each province among demo firms: the top-100 counts, then the rest of the map.
PROVINCE_WEIGHTS: dict[str, float] = {
    "33": 36,
    "44": 21,
    "32": 17,
    "35": 6,
    "37": 5,
    "31": 1.5,
    "21": 2,
    "22": 1.5,
    "23": 1.5,
    "34": 2,
    "43": 1.5,
    "41": 1.5,
    "42": 1,
    "36": 0.5,
    "51": 1.5,
    "11": 0.5,
}

CITIES: dict[str, tuple[City, ...]] = {
    "33": (
        City("330100", "杭州", "Hangzhou", 4, hub=True),
        City("330200", "宁波", "Ningbo", 3),
        City("330300", "温州", "Wenzhou", 2),
        City("330400", "嘉兴", "Jiaxing", 2),
        City("330500", "湖州", "Huzhou", 1),
        City("330600", "绍兴", "Shaoxing", 3),
        City("330782", "义乌", "Yiwu", 2),
        City("331000", "台州", "Taizhou", 2),
    ),
    "44": (
        City("440100", "广州", "Guangzhou", 3, hub=True),
        City("440300", "深圳", "Shenzhen", 3, hub=True),
        City("440600", "佛山", "Foshan", 3),
        City("441900", "东莞", "Dongguan", 3),
        City("442000", "中山", "Zhongshan", 2),
        City("440500", "汕头", "Shantou", 1),
    ),
    "32": (
        City("320100", "南京", "Nanjing", 2, hub=True),
        City("320200", "无锡", "Wuxi", 2),
        City("320400", "常州", "Changzhou", 2),
        City("320500", "苏州", "Suzhou", 4, hub=True),
        City("320600", "南通", "Nantong", 2),
    ),
    "35": (
        City("350100", "福州", "Fuzhou", 1),
        City("350200", "厦门", "Xiamen", 1),
        City("350500", "泉州", "Quanzhou", 2),
        City("350582", "晋江", "Jinjiang", 2),
    ),
    "37": (
        City("370100", "济南", "Jinan", 1),
        City("370200", "青岛", "Qingdao", 2),
        City("370700", "潍坊", "Weifang", 2),
        City("371300", "临沂", "Linyi", 1),
    ),
    "31": (City("310115", "上海", "Shanghai", 1, hub=True),),
    "21": (
        City("210100", "沈阳", "Shenyang", 2),
        City("210200", "大连", "Dalian", 2),
        City("210300", "鞍山", "Anshan", 1),
    ),
    "22": (
        City("220100", "长春", "Changchun", 2),
        City("220200", "吉林", "Jilin", 1),
        City("220400", "辽源", "Liaoyuan", 1),
    ),
    "23": (
        City("230100", "哈尔滨", "Harbin", 2),
        City("230200", "齐齐哈尔", "Qiqihar", 1),
        City("230600", "大庆", "Daqing", 1),
    ),
    "34": (
        City("340100", "合肥", "Hefei", 2),
        City("341300", "宿州", "Suzhou (Anhui)", 2),
        City("341200", "阜阳", "Fuyang", 1),
    ),
    "43": (City("430100", "长沙", "Changsha", 2), City("430200", "株洲", "Zhuzhou", 2)),
    "41": (
        City("410100", "郑州", "Zhengzhou", 2),
        City("411100", "漯河", "Luohe", 2),
        City("411600", "周口", "Zhoukou", 1),
    ),
    "42": (City("420100", "武汉", "Wuhan", 2, hub=True), City("421000", "荆州", "Jingzhou", 1)),
    "36": (City("360100", "南昌", "Nanchang", 1),),
    "51": (City("510100", "成都", "Chengdu", 2, hub=True), City("510700", "绵阳", "Mianyang", 1)),
    "11": (City("110108", "北京", "Beijing", 1, hub=True),),
}


def _group(
    key: str, sectors: str, capabilities: str, needs: str, words: str, label: tuple[str, str], service: bool = False
) -> Group:
    pairs = tuple(tuple(pair.split("/")) for pair in words.split("|"))
    return Group(
        key,
        tuple(sectors.split()),
        tuple(capabilities.split()),
        tuple(needs.split()),
        pairs,  # type: ignore[arg-type]
        label[0],
        label[1],
        service,
    )


GROUPS: dict[str, Group] = {
    g.key: g
    for g in (
        _group(
            "textile",
            "17 28",
            "manufacturing.spinning manufacturing.weaving manufacturing.knitting manufacturing.dyeing_finishing "
            "materials.chemical_fibre materials.functional_textile",
            "design.textile_pattern testing.textile marketing.b2b_marketplace marketing.cross_border_ecommerce "
            "software.mes software.machine_vision logistics.export_agency energy.efficiency materials.recycling",
            "纺织/Textile|丝绸/Silk|化纤/Chemical Fibre|印染/Printing & Dyeing|家纺/Home Textiles",
            ("纺织", "textiles"),
        ),
        _group(
            "apparel",
            "18",
            "manufacturing.garment manufacturing.knitting design.fashion",
            "design.textile_pattern marketing.livestream marketing.b2b_marketplace logistics.cross_border "
            "materials.functional_textile testing.textile finance.supply_chain marketing.brand",
            "服饰/Apparel|服装/Garment|针织/Knitwear|袜业/Hosiery",
            ("服饰", "apparel"),
        ),
        _group(
            "footwear",
            "19",
            "manufacturing.footwear design.fashion",
            "design.cad materials.engineering_plastics testing.mechanical marketing.cross_border_ecommerce "
            "marketing.brand ip.trademark",
            "鞋业/Footwear|鞋服/Shoes & Apparel|皮革/Leather",
            ("鞋业", "footwear"),
        ),
        _group(
            "textile_machinery",
            "35 34",
            "design.mechanical design.cad manufacturing.cnc manufacturing.assembly software.plc",
            "manufacturing.casting manufacturing.forging manufacturing.heat_treatment software.iot "
            "software.industrial_ai testing.certification finance.equipment_leasing logistics.export_agency "
            "ip.patent_filing",
            "纺织机械/Textile Machinery|机械/Machinery|智能装备/Intelligent Equipment",
            ("纺织机械", "textile machinery"),
        ),
        _group(
            "heavy_machinery",
            "34 35 43",
            "manufacturing.casting manufacturing.forging manufacturing.welding manufacturing.heat_treatment "
            "manufacturing.assembly design.mechanical materials.special_steel",
            "software.robotics software.mes testing.ndt software.plm software.industrial_ai "
            "finance.equipment_leasing logistics.export_agency design.simulation",
            "重型机械/Heavy Machinery|装备/Equipment|石油装备/Oilfield Equipment|机床/Machine Tools",
            ("重型装备", "heavy equipment"),
        ),
        _group(
            "steel",
            "31 32 33",
            "manufacturing.steel materials.special_steel materials.nonferrous manufacturing.casting "
            "manufacturing.surface_treatment manufacturing.heat_treatment",
            "energy.efficiency energy.solar_pv software.industrial_ai testing.ndt testing.metrology "
            "materials.recycling finance.supply_chain",
            "钢铁/Iron & Steel|特钢/Special Steel|金属制品/Metal Products|合金/Alloys",
            ("钢铁与金属", "steel and metals"),
        ),
        _group(
            "appliances",
            "38",
            "manufacturing.injection_moulding manufacturing.stamping manufacturing.motor "
            "manufacturing.electronics_assembly manufacturing.mould_making",
            "design.industrial design.electronics testing.emc_safety testing.certification software.iot "
            "marketing.b2b_marketplace marketing.cross_border_ecommerce ip.patent_filing",
            "电器/Electric Appliance|小家电/Home Appliance|电机/Motor",
            ("小家电", "small appliances"),
        ),
        _group(
            "electronics",
            "39 40",
            "manufacturing.pcb_assembly design.electronics software.embedded manufacturing.electronics_assembly",
            "design.industrial testing.emc_safety software.machine_vision logistics.supply_chain "
            "ip.patent_search testing.certification",
            "电子/Electronics|智能科技/Smart Technology|仪器/Instruments",
            ("电子信息", "electronics"),
        ),
        _group(
            "plastics",
            "29 24",
            "manufacturing.injection_moulding manufacturing.mould_making materials.engineering_plastics design.mould",
            "design.industrial design.packaging materials.recycling marketing.cross_border_ecommerce "
            "marketing.b2b_marketplace",
            "塑业/Plastics|日用品/Household Products|工艺品/Crafts|文具/Stationery",
            ("日用小商品", "small commodities"),
        ),
        _group(
            "agrifood",
            "13 14 15",
            "manufacturing.food_processing manufacturing.grain_oil logistics.warehousing",
            "testing.food_safety design.packaging logistics.cold_chain marketing.livestream "
            "marketing.b2b_marketplace marketing.brand testing.quality_system finance.export_credit",
            "食品/Foods|粮油/Grain & Oil|农产品/Agricultural Products|茶业/Tea",
            ("农副食品", "agri-food"),
        ),
        _group(
            "furniture",
            "21 20",
            "manufacturing.furniture design.industrial",
            "design.cad marketing.cross_border_ecommerce marketing.b2b_marketplace testing.certification "
            "marketing.brand logistics.freight",
            "家具/Furniture|木业/Woodwork",
            ("家具", "furniture"),
        ),
        _group(
            "transport_equipment",
            "37 36",
            "manufacturing.welding manufacturing.assembly manufacturing.casting design.mechanical materials.nonferrous",
            "design.simulation testing.ndt testing.certification software.robotics software.plm rnd.university",
            "轨道交通装备/Rail Transit Equipment|汽车零部件/Auto Parts",
            ("交通装备", "transport equipment"),
        ),
        _group(
            "chemicals",
            "26",
            "materials.dyes_auxiliaries materials.engineering_plastics",
            "rnd.pilot_scale ip.patent_filing rnd.contract_research testing.quality_system",
            "化工/Chemicals|新材料/New Materials",
            ("化工新材料", "chemicals and new materials"),
        ),
        _group(
            "software",
            "65 64",
            "software.plc software.mes software.iot software.industrial_ai software.machine_vision "
            "software.embedded software.plm software.robotics",
            "marketing.trade_fairs rnd.university ip.patent_filing finance.supply_chain",
            "信息技术/Information Technology|软件/Software|物联网科技/IoT Technology",
            ("工业软件", "industrial software"),
            service=True,
        ),
        _group(
            "design_services",
            "74",
            "design.industrial design.mechanical design.cad design.simulation design.textile_pattern design.fashion "
            "design.packaging design.electronics design.mould",
            "rnd.prototyping ip.patent_filing marketing.trade_fairs",
            "设计/Design|工业设计/Industrial Design",
            ("设计服务", "design services"),
            service=True,
        ),
        _group(
            "testing_services",
            "74",
            "testing.mechanical testing.textile testing.emc_safety testing.food_safety testing.ndt "
            "testing.metrology testing.certification testing.quality_system",
            "marketing.trade_fairs finance.equipment_leasing software.iot",
            "检测技术/Testing Technology|认证服务/Certification Services",
            ("检测认证", "testing and certification"),
            service=True,
        ),
        _group(
            "rnd_services",
            "73 75",
            "rnd.contract_research rnd.prototyping rnd.pilot_scale rnd.university ip.patent_search ip.licensing",
            "finance.equipment_leasing marketing.trade_fairs",
            "技术研究院/Technology Research Institute|科技/Technology",
            ("研发服务", "R&D services"),
            service=True,
        ),
        _group(
            "ip_services",
            "72",
            "ip.patent_search ip.patent_filing ip.licensing ip.trademark marketing.brand",
            "marketing.trade_fairs software.iot",
            "知识产权代理/IP Agency|商务咨询/Business Consulting",
            ("知识产权", "IP services"),
            service=True,
        ),
        _group(
            "logistics_services",
            "58 59 54",
            "logistics.warehousing logistics.freight logistics.cold_chain logistics.export_agency "
            "logistics.cross_border logistics.supply_chain",
            "software.iot software.industrial_ai finance.supply_chain",
            "物流/Logistics|供应链/Supply Chain|国际货运代理/International Freight Forwarding",
            ("物流外贸", "logistics and export"),
            service=True,
        ),
        _group(
            "ecommerce_services",
            "64 51",
            "marketing.b2b_marketplace marketing.cross_border_ecommerce marketing.livestream marketing.brand "
            "marketing.trade_fairs",
            "logistics.cross_border logistics.warehousing design.packaging",
            "电子商务/E-commerce|网络科技/Network Technology|贸易/Trading",
            ("电子商务", "e-commerce"),
            service=True,
        ),
        _group(
            "finance_services",
            "69 71",
            "finance.supply_chain finance.equipment_leasing finance.export_credit",
            "software.industrial_ai marketing.trade_fairs",
            "融资租赁/Finance Leasing|供应链金融/Supply Chain Finance",
            ("产业金融", "industrial finance"),
            service=True,
        ),
        _group(
            "energy_services",
            "44 74",
            "energy.solar_pv energy.efficiency",
            "finance.equipment_leasing software.iot",
            "新能源/New Energy|节能科技/Energy Saving Technology",
            ("新能源", "renewable energy"),
            service=True,
        ),
    )
}

# Manufacturing industries by province, with weights.
PROVINCE_GROUPS: dict[str, dict[str, float]] = {
    "33": {
        "textile": 6,
        "apparel": 4,
        "textile_machinery": 4,
        "appliances": 3,
        "plastics": 3,
        "footwear": 1,
        "electronics": 1,
        "chemicals": 1,
    },
    "44": {"appliances": 6, "electronics": 6, "furniture": 3, "apparel": 3, "plastics": 2, "textile": 1},
    "32": {
        "textile": 5,
        "electronics": 4,
        "textile_machinery": 3,
        "heavy_machinery": 2,
        "chemicals": 2,
        "apparel": 2,
        "steel": 1,
    },
    "35": {"footwear": 5, "apparel": 3, "textile": 2, "agrifood": 1, "furniture": 1},
    "37": {"agrifood": 3, "heavy_machinery": 2, "textile": 2, "chemicals": 2, "steel": 1},
    "31": {"electronics": 2, "transport_equipment": 1, "chemicals": 1},
    "21": {"heavy_machinery": 5, "steel": 3, "transport_equipment": 1, "chemicals": 1},
    "22": {"transport_equipment": 3, "agrifood": 2, "apparel": 2, "heavy_machinery": 1},
    "23": {"heavy_machinery": 3, "agrifood": 3, "steel": 1},
    "34": {"apparel": 2, "footwear": 1, "agrifood": 2, "appliances": 2, "plastics": 1},
    "43": {"transport_equipment": 3, "apparel": 2, "steel": 1, "agrifood": 2},
    "41": {"agrifood": 5, "heavy_machinery": 1, "textile": 1},
    "42": {"agrifood": 2, "transport_equipment": 2, "textile": 1},
    "36": {"agrifood": 2, "steel": 1, "apparel": 1},
    "51": {"furniture": 2, "agrifood": 2, "electronics": 1, "heavy_machinery": 1},
    "11": {"electronics": 1},
}

SERVICE_WEIGHTS: dict[str, float] = {
    "software": 3,
    "design_services": 3,
    "testing_services": 2,
    "rnd_services": 1.5,
    "ip_services": 1,
    "logistics_services": 2,
    "ecommerce_services": 3,
    "finance_services": 1,
    "energy_services": 1,
}
SERVICE_SHARE = 0.08
SERVICE_SHARE_IN_HUBS = 0.4

# Two-character trade names (字号), with their pinyin.
_SYLLABLE_TEXT = (
    "恒/heng 锦/jin 华/hua 盛/sheng 鑫/xin 达/da 宏/hong 瑞/rui 丰/feng 泰/tai 荣/rong 嘉/jia 润/run "
    "昌/chang 新/xin 源/yuan 力/li 诚/cheng 美/mei 联/lian 中/zhong 天/tian 宇/yu 航/hang 创/chuang "
    "博/bo 众/zhong 和/he 安/an 永/yong 顺/shun 兴/xing 隆/long 远/yuan 通/tong 智/zhi 科/ke 金/jin "
    "海/hai 山/shan 云/yun 星/xing 明/ming 德/de 立/li 康/kang 福/fu 佳/jia 骏/jun 晟/sheng"
)
SYLLABLES: tuple[tuple[str, str], ...] = tuple(
    (zh, pinyin) for zh, pinyin in (p.split("/") for p in _SYLLABLE_TEXT.split())
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN_NAMES = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "霞",
    "平",
    "刚",
    "秀英",
    "桂英",
    "建华",
    "志强",
    "晓东",
    "海燕",
    "立新",
    "文博",
    "子涵",
    "浩然",
    "雨桐",
    "思远",
    "佳怡",
    "宇航",
    "晨曦",
    "国栋",
    "建国",
    "春梅",
    "玉兰",
    "一鸣",
    "欣然",
]

TITLES: dict[str, tuple[str, ...]] = {
    "owner": ("总经理", "董事长", "创始人"),
    "admin": ("副总经理", "技术总监", "运营总监", "研发经理"),
    "member": ("设计师", "工艺工程师", "销售经理", "采购经理", "电商运营", "质量工程师", "外贸业务员"),
}

SIZES: tuple[tuple[str, float], ...] = (("micro", 25), ("small", 45), ("medium", 25), ("large", 5))
