"""Cue tables: the words this genre uses for units, comparators, change and strength.

Adding a pattern seen in a new report is a one-line change here; each table has
its own tests in ``tests/test_cues.py``.
"""

from __future__ import annotations

# --- headings -------------------------------------------------------------
# A top-level heading with one of these speaks of the past year ...
REVIEW_HEADING_CUES: tuple[str, ...] = (
    "执行情况", "完成情况", "开展情况", "工作回顾", "回顾", "主要工作", "过去一年", "工作总结",
    "取得的成绩", "主要成绩",
)
# ... and with one of these, of the year being planned.
PLAN_HEADING_CUES: tuple[str, ...] = (
    "预期目标", "主要目标", "计划安排", "计划草案", "工作安排", "工作建议", "工作任务",
    "重点任务", "重点工作", "总体要求", "目标任务", "今年", "计划",
)
SALUTATIONS: tuple[str, ...] = ("各位代表", "各位委员", "同志们")
# Jurisdiction = the administrative name that opens the title, before the year.
# A title may open with 关于 (关于某州某市2025年国民经济…的报告).
JURISDICTION_PREFIX = (
    r"^(?:关于)?([\u4e00-\u9fff]{2,20}?(?:自治区|自治州|自治县|特别行政区|省|市|区|县|州|盟|旗|镇|乡|街道))"
    r"(?=(?:19|20)\d{2}|人民政府|政府|国民经济)"
)

JURISDICTION_IN_MEETING = (
    r"在([\u4e00-\u9fff]{2,20}?(?:自治区|自治州|自治县|省|市|区|县|州|盟|旗|镇|乡))"
    r"(?:第[^届]{1,4}届|人民代表大会|人大)"
)

# --- quantities ------------------------------------------------------------
# Units as written, longest first is handled by the matcher. Base units may take
# a 万/亿/千/百万/千万 prefix (万人, 亿元, 万平方米); they are kept as written.
BASE_UNITS: tuple[str, ...] = (
    "个百分点", "百分点",
    "微克/立方米", "毫克/立方米", "微克/m3", "μg/m3", "μg/m³",
    "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩",
    "千瓦时", "千瓦", "兆瓦", "MW", "GW", "kW", "KW", "MWh", "GWh",
    "美元", "欧元", "元",
    "人次", "人", "名", "位",
    "家", "个", "项", "所", "套", "台", "辆", "户", "场次", "场", "件", "条", "座", "片",
    "处", "张", "间", "栋", "幢", "艘", "架", "株", "棵", "头", "支", "部", "篇", "例",
    "公里", "千米", "米", "吨标准煤", "吨标煤", "吨", "标准箱", "标箱", "批次", "天", "倍", "次", "床",
    "公斤", "斤", "列", "宗", "台套", "袋", "千伏安",
    "家次", "艘次", "架次", "车次", "剂次", "份", "吨/日", "立方米/日",
)
UNIT_PREFIXES: tuple[str, ...] = ("千万", "百万", "万", "亿", "千")
# A bare 万/亿 before a noun (1.9万困难老年人) is kept as the unit.
BARE_MAGNITUDES: tuple[str, ...] = ("万", "亿")
PERCENT_UNITS: frozenset[str] = frozenset({"%", "‰", "个百分点", "百分点"})
MONEY_UNITS_SUFFIX: tuple[str, ...] = ("元", "美元", "欧元")
# After these the count is a duration or a spec, not a measured quantity.
NOT_A_QUANTITY_AFTER: tuple[str, ...] = (
    "月", "小时", "工作日", "星期", "周", "年", "制", "分钟", "季度", "届", "批", "期", "会议", "级",
    "全会", "党代会",
)
# Before these the number is an ordinal or a rank.
ORDINAL_BEFORE: tuple[str, ...] = ("第", "前", "首届", "排名", "位列", "居", "以下", "以上", "如下")
# A money amount directly before one of these only qualifies the noun.
QUALIFIER_HEADS: tuple[str, ...] = (
    "级", "企业", "项目", "重大项目", "大项目", "产业", "集群", "公司", "以上企业", "或", "的",
)
# A measure (not a count) right before one of these is a capacity in a name:
# 年产5万吨正极材料项目, 100MW渔光互补光伏发电项目.
NAME_HEADS: tuple[str, ...] = ("项目", "工程", "基地", "生产线", "电站", "产业园", "园区")
COUNT_CLASSIFIERS: frozenset[str] = frozenset(
    "个 家 项 所 套 台 辆 户 场 件 条 座 片 处 张 间 栋 幢 艘 架 株 棵 头 支 部 篇 例 名 位 人 人次 "
    "次 床 场次 列 宗 家次 艘次 架次 车次 剂次 份".split()
)
# Fixed political phrases of the genre whose numerals count nothing measured.
FIXED_PHRASES: tuple[str, ...] = (
    "八项规定", "四风", "两个确立", "两个维护", "四个意识", "四个自信", "三严三实", "两学一做",
    "三会一课", "五位一体", "四个全面", "一带一路", "两新一重", "三去一降一补", "六稳", "六保",
    "两个一百年", "一国两制",
)

# --- comparators -------------------------------------------------------------
# Cue right before the number (after optional 达/到): comparator.
PREFIX_COMPARATORS: dict[str, str] = {
    "不少于": "AtLeast", "不低于": "AtLeast", "至少": "AtLeast",
    "不高于": "AtMost", "不超过": "AtMost", "最多": "AtMost",
    "超过": "MoreThan", "突破": "MoreThan", "超": "MoreThan", "逾": "MoreThan", "高于": "MoreThan",
    "大于": "MoreThan", "多于": "MoreThan",
    "低于": "LessThan", "少于": "LessThan", "小于": "LessThan",
    "近": "About", "约": "About", "接近": "About", "将近": "About",
}
# Cue right after the unit (or between number and unit: 余, 多).
SUFFIX_COMPARATORS: dict[str, str] = {
    "以上": "AtLeast", "及以上": "AtLeast",
    "以下": "AtMost", "以内": "AtMost", "及以下": "AtMost",
    "左右": "About", "上下": "About",
}
INFIX_COMPARATORS: dict[str, str] = {"余": "About", "多": "About"}
# A decline turns the signed value round, so the comparator turns too.
FLIP_ON_DECLINE: dict[str, str] = {
    "AtLeast": "AtMost", "AtMost": "AtLeast", "MoreThan": "LessThan", "LessThan": "MoreThan",
}

# --- change ------------------------------------------------------------------
# Verbs that make a percentage a rate of change, with the sign they give.
CHANGE_VERBS: dict[str, int] = {
    "同比增长": 1, "比上年增长": 1, "较上年增长": 1, "年均增长": 1, "增长": 1, "增加": 1,
    "提高": 1, "提升": 1, "上升": 1, "增幅": 1, "增速": 1, "上涨": 1, "涨幅": 1,
    "同比下降": -1, "比上年下降": -1, "较上年下降": -1, "下降": -1, "降低": -1, "减少": -1,
    "回落": -1, "降幅": -1, "削减": -1, "压减": -1, "压降": -1, "缩减": -1, "压缩": -1,
}
# After a change verb these make it a level again: 提高至87.9%.
LEVEL_AFTER_CHANGE: tuple[str, ...] = ("至", "到")
# Filler allowed between a cue and its number.
BRIDGE = "了达到为约近"
# Whole-phrase targets without a number.
SIGN_PHRASES: dict[str, tuple[str, int]] = {
    # phrase: (comparator, value) for a ChangeRate in %
    "保持正增长": ("MoreThan", 0),
    "实现正增长": ("MoreThan", 0),
    "正增长": ("MoreThan", 0),
    # halved and doubled: 审批时限压减一半, 规上工业产值五年翻了一番
    "压减一半": ("Exactly", -50), "减少一半": ("Exactly", -50), "下降一半": ("Exactly", -50),
    "缩短一半": ("Exactly", -50), "翻了一番": ("Exactly", 100), "翻一番": ("Exactly", 100),
}
DOUBLE_PHRASES: dict[str, str] = {"双下降": "LessThan", "双降": "LessThan", "双增长": "MoreThan"}
# Headline targets stated without a number.
QUALITATIVE_CUES: tuple[str, ...] = (
    "稳中有进", "稳中提质", "稳中有升", "稳中向好", "稳步增长", "稳步提升", "持续增长", "持续提升",
    "同步增长", "基本同步", "保持稳定", "总体稳定", "只增不减", "完成上级下达", "完成省市下达",
    "完成市下达", "完成下达", "持续减少", "持续下降", "稳步下降", "持续改善", "基本同步",
)

# --- strength ----------------------------------------------------------------
STRENGTH_CUES: dict[str, str] = {
    "确保": "Firm", "务必": "Firm",
    "力争": "Aspirational", "争取": "Aspirational", "努力": "Aspirational", "力求": "Aspirational",
    "预计": "Expected", "有望": "Expected", "预期": "Expected",
}
ESTIMATE_STRENGTHS: frozenset[str] = frozenset({"Expected"})

# --- indicators --------------------------------------------------------------
# Stripped from the front of an indicator phrase.
LEADING_NOISE: tuple[str, ...] = (
    "其中", "全年", "年内", "今年", "当年", "全区", "全市", "全县", "全镇", "全省", "同时", "并",
    "预计", "力争", "确保", "争取", "努力", "有望", "实现", "推动", "加快", "推进", "加快推进",
    "完成", "已", "共", "累计", "继续", "进一步", "全面", "和", "及", "与", "以及", "并", "其中",
    "较上年", "比上年", "较去年", "比去年", "同比", "同口径", "可比价", "按可比价格计算",
)
# Stripped from the end of an indicator phrase (verbs and cue words before the number).
TRAILING_VERBS: tuple[str, ...] = (
    "同比增长", "比上年增长", "较上年增长", "年均增长", "增长", "增加", "提高到", "提高至", "提升至",
    "提升到", "提高", "提升", "上升", "增幅", "增速", "上涨", "涨幅", "同比下降", "下降", "降低",
    "减少", "回落", "累计达到", "累计达", "累计", "总数达到", "达到", "达", "完成", "实现", "超过",
    "突破", "超", "由", "从",
    "为", "保持在", "保持", "控制在", "稳定在", "均", "共", "首次", "年内", "全年", "预计", "力争",
    "确保", "争取", "已", "约", "近", "逾", "不少于", "不低于", "不高于", "不超过", "增至", "至",
    "到", "分别", "有望", "继续", "提前", "同比", "等", "和", "及", "与", "再",
)
# Words that end an indicator that follows its number (新增1500个公共停车泊位并接入…).
POSTNOMINAL_STOPS: tuple[str, ...] = ("并", "和", "及", "与", "等", "，", "。", "；", "、", "（")
# A count followed by one of these has no noun after it (4家和后备企业…, 4.5亿元完成…).
POSTNOMINAL_NOT_A_NOUN: tuple[str, ...] = (
    "和", "及", "与", "并", "、", "完成", "实现", "用于", "达到", "建成", "开展", "提供", "获得",
    "投入", "占", "同比", "比上年", "较上年", "增长", "下降", "投向", "增加到", "增加至", "提高到",
    "提高至", "提升到", "提升至", "上升到", "上升至", "扩大到", "扩大至", "减少到", "减少至",
)
# Measure words that end an indicator; the rest is shared by a list (起数、死亡人数).
MEASURE_SUFFIXES: tuple[str, ...] = (
    "起数", "人数", "次数", "件数", "户数", "数量", "总数", "总额", "总量", "比重", "比例", "浓度",
    "收入", "率", "数", "额", "量",
)
