"""Cue tables for named things: suffixes, trigger verbs, boundaries, abbreviations.

Each table is small and general to the genre (no report's own names): adding a
pattern seen in a new report is a one-line change here. The rules that use them
live in :mod:`graph.entities`; their tests in ``tests/test_entities.py``.

>>> "有限公司" in ENTERPRISE_SUFFIXES and "发改委" in AGENCY_ABBREVIATIONS
True
"""

from __future__ import annotations

# --- what may stand inside a name --------------------------------------------------
# Besides CJK characters: Latin letters and digits (20GWh, QFLP, 5G), the hyphen and
# middle dot of foreign names (梅特勒-托利多), and bracketed qualifiers (沐辰半导体（临漕）).
NAME_EXTRA_CHARS = frozenset("-·（）()")
# The longest name a suffix rule reaches back for (characters).
MAX_NAME = 24
# The longest short name of a company known only by what it does (梅特勒-托利多 is 7).
MAX_BARE_NAME = 8

# --- left boundary ------------------------------------------------------------------
# Walking left from a head, a name stops where one of these ends: verbs and function
# words that govern a name rather than belong to it. Longest first is handled by the
# matcher. (推进 in 推进南京师范大学… ends the name; 建设 does not, since names hold it.)
LEFT_STOPS: tuple[str, ...] = (
    # function words
    "的", "和", "及", "与", "或", "等", "在", "由", "对", "为", "将", "把", "被", "向", "了", "是",
    "让", "并", "赴", "暨", "其中", "包括", "以及", "开展好", "所有",
    # governing verbs
    "推进", "推动", "加快", "加速", "加强", "强化", "深化", "实施", "完成", "开工", "建成", "新建",
    "新增", "打造", "支持", "引进", "引导", "组建", "成立", "入选", "获评", "获批", "启动", "配合",
    "做好", "推行", "依托", "围绕", "落户", "位于", "签约", "鼓励", "参加", "举办", "办好",
    "升级为", "通过", "持续", "确保", "力争", "争取", "争创", "创建", "创成", "保障", "聚焦",
    "对接", "承接", "建立", "设立", "培育", "招引", "引育", "牵头", "共建", "实现", "加大",
    "接入", "释放", "迭代", "走进", "健全", "跟着", "经", "带动", "促进", "扩大", "出台",
    "制定", "印发", "塑造", "坚持", "完善", "狠抓", "抓好", "抓实", "用好", "落实", "深入", "全面",
    "积极", "主动", "大力", "着力", "全力", "扎实", "稳步", "有序", "加快建设", "开工建设", "探索",
    "申报", "申请", "认定", "入驻", "揭牌", "开园", "投运", "拓展", "开展", "瞄准", "发挥", "放大",
    "指导", "助力", "涵盖", "形成", "构建", "筹建", "谋划", "盘活", "整合", "助推", "做强", "做大",
    "做优", "壮大", "引领", "擦亮", "拥有", "新设", "获得", "获颁", "荣获", "批复", "认定为",
    "成为", "作为", "首家", "唯一", "全市", "全区", "全县", "全省", "我区", "我县", "我市", "本区",
    "本县", "各类", "一批", "首批", "首个", "首届", "年内", "年底前", "全年", "今年", "当年",
    "同时", "此外", "目前", "已经", "正式", "顺利", "成功", "相继", "先后", "分别",
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "实行", "组团",
    "继续", "新开工", "从", "到", "获", "会同", "负责", "合作建设", "共同建设",
    "打好", "占", "以", "搭建", "承建", "建设运营", "投资建设", "代表", "融入", "开拓", "发行",
    "纳入", "扶持", "关于", "串联", "统筹", "巩固", "守护", "提高", "对应", "立足", "开通", "恢复",
    "地处", "推广", "总结", "开办", "创办", "合作开办", "合作创办", "合作开发", "选址",
)
# Two-character verbs that join two organisations, but also stand inside names (联合实验室):
# they end a name only right after another name.
JOINT_VERBS: tuple[str, ...] = ("联合", "携手")
# Words that join two bodies acting together (市港口管理局会同区交通运输局).
JOINT_CONNECTORS: tuple[str, ...] = ("会同", "协同")
# … and the verbs by which two such bodies carry out a work together (会同乙完成丙改造).
JOINT_WORK_VERBS: tuple[str, ...] = ("完成", "实施", "建成", "推进", "建设", "开工建设")
# Verbs of building that stand inside names (建设银行, 城市建设集团) but end one when they
# follow another name: 苇州文旅集团建设汀兰古镇二期, 石桥镇建设现代农业产业园.
BUILD_JOINS: tuple[str, ...] = ("建设", "建成", "运营", "设立", "提升", "扩建")
# A one-character stop is part of the word it makes with its neighbour (以西, 和美, 在建).
NOT_STOPS: tuple[str, ...] = (
    "以西", "以东", "以南", "以北", "和美", "和谐", "和平", "及早", "在建", "在库", "在线", "作为",
    "为民", "对口", "等级", "从事", "到位", "到期", "高等", "中等", "平等", "是否", "建设", "建筑",
    "共建", "新建", "在地", "与会", "设计", "设施", "设备", "抓手", "经济", "经营", "经验", "经开",
    "经费", "经过", "已经", "神经", "自由", "以上", "以下", "以内", "以外", "以来", "可以", "所以",
    # a syllable of Mongolian place names (呼和诺尔苏木, 呼和浩特): no conjunction there
    "呼和",
)
# A count before a name (7个省重大项目, 3所幼儿园) also ends it on the left.
COUNT_CLASSIFIERS = "个家项所座条批处套台辆片名位届轮"

# --- projects -------------------------------------------------------------------------
# Heads that make a named, concrete work. Longest first is handled by the matcher.
PROJECT_HEADS: tuple[str, ...] = (
    "项目", "基地", "工程", "大桥", "桥", "高架", "产业园", "创新园", "科技园", "联盟", "公路",
    "实验室", "电站", "水库", "水厂", "污水处理厂", "院区", "新院区", "新校区", "大厦", "广场",
    "运动中心", "文化中心", "体育中心", "会展中心", "邻里中心", "公园", "管廊", "码头", "枢纽",
    "高铁", "城际", "高速", "铁路", "航道", "工作站", "馆", "文化宫", "产线", "生产线",
    "楼", "快速化改造", "物流园", "体育公园", "运动公园", "训练基地", "飞地", "中心", "分校",
    "连接线", "平台", "支线", "专用线", "快速路", "隧道", "站", "校区", "联合体", "发电厂", "电厂",
    "牧场", "道路", "协作园", "合作园", "号泊位", "工厂", "号线",
    # urban renewal units, staff flats and Guangdong's green waterways (某村城市更新单元, 某碧道一期)
    "城市更新单元", "更新单元", "人才公寓", "碧道", "风电场",
    # complexes, duty-free malls and express links (某某商业综合体二期, 某某国际免税城,
    # 城区至某口岸快速通道)
    "综合体", "免税城", "快速通道",
    # incubation carriers named as harbours (某某科创港, 某某创新港)
    "科创港", "创新港",
    # gene banks and germplasm nurseries built for a crop (某某咖啡种质资源圃, 某某种质资源库)
    "种质资源库", "种质资源圃", "种质库", "资源圃",
    # Zhejiang's future communities and villages, built as one named unit (某某未来社区, 某村未来
    # 乡村试点), and a county's medical community built with a hospital (某区医共体)
    "未来社区", "未来乡村", "未来乡村试点", "医共体",
    # works of a scenic area: ropeways, plank roads and visitor centres (某山索道, 某峰林栈道)
    "索道", "栈道", "游客中心", "游客服务中心",
)
# Heads that name a work only with an anchor in front: a place, a company or a quoted
# name (新北区瓶装液化气在线监测平台, 澜拓集团工业互联网平台, “e高新”企业综合信息管理平台).
# A platform that named bodies build together is one work too (甲与乙共建某某中试平台).
ANCHORED_PROJECT_HEADS: tuple[str, ...] = ("平台",)
# Heads that join two names with 与/及 (沿江一级公路与国道353线连接线).
CONNECTOR_HEADS: tuple[str, ...] = ("连接线", "联络线", "连接道路")
# Numbered national and provincial roads (国道353线).
ROAD_CODE = r"(?:国道|省道|县道)\d{2,4}线"
# A 中心 whose stem ends like this is a body at work, an Agency (区疾控中心, …指挥中心).
AGENCY_CENTRE_STEMS: tuple[str, ...] = (
    "疾控", "疾病预防控制", "指挥", "管理", "调解", "矛调", "调度", "监测", "政务服务", "应急",
    "救援", "运行", "一体化", "一体", "公共资源交易", "社会治理", "综治", "融媒体",
)
# A 工程 with one of these in its stem is a programme, a Policy (国家重大人才工程, 停车便利化工程).
PROGRAMME_STEMS: tuple[str, ...] = ("人才", "育才", "引才", "英才")
# … and so does a stem ending in an abstract noun of change (停车便利化工程, 标准化工程).
PROGRAMME_STEM_ENDS: tuple[str, ...] = ("便利化", "标准化", "规范化", "信息化", "数字化")
# Parts of a work that name the work itself (常泰高速主体工程 → 常泰高速).
PROJECT_PARTS: tuple[str, ...] = ("主体工程", "主桥", "主线", "主塔柱", "主塔", "主线高架")
# A head glued to one of these is a common word, not a name's end (桥梁, 村庄, 园区 in 产业园区).
HEAD_CONTINUATIONS: tuple[str, ...] = (
    "梁", "庄", "容", "级", "民", "貌", "村", "域", "干", "内", "委", "务", "绿", "大", "会", "生",
)
# … and one of these before 村/镇/乡 makes a common word (农村, 乡村, 城镇, 乡镇, 返乡, 下乡).
HEAD_COMMON_BEFORE: dict[str, str] = {
    "村": "农乡城村镇", "镇": "农乡城村镇圩", "乡": "农乡城村镇返入下回家故还老思同异他",
    "基地": "宅", "站": "车基网驿", "馆": "场展", "楼": "大高上",
    # verbs that end in an agency head (闵行区签署, 与闵行区联合举办)
    "署": "签部", "办": "举承主协督创开兴申合代包",
    # a banner (阿敦旗) is no flag (红旗, 国旗, 党旗)
    "旗": "红国党彩锦军战升帜队会团",
}
# … and these words before a head make a kind of place, not a name's end (城中村: an urban
# village; 某社区城中村综合整治 names the community, not a village; 某镇集镇 is the town's seat,
# the town itself, and 乡镇集镇 no name at all).
HEAD_COMMON_WORDS_BEFORE: dict[str, tuple[str, ...]] = {"村": ("城中",), "镇": ("镇集", "乡集")}
# Heads of one character that need a stem of three characters or more (消防站 has its own
# head; 武汉站 of a campaign tour is not a work).
SHORT_PROJECT_HEADS: tuple[str, ...] = ("站", "桥", "馆", "楼")
# Linear works whose name may go on with the section built (松朔高速公路松溪段, 快速路西延段).
LINEAR_HEADS: tuple[str, ...] = (
    "公路", "高速", "铁路", "高铁", "城际", "快速路", "大道", "支线", "专用线", "隧道", "连接线",
    "号线",
    "高架", "管廊", "航道",
)
# Work done on a facility, written after its name (污水处理厂提标改造, 燃煤电厂灵活性改造).
WORK_TAILS: tuple[str, ...] = (
    "改造", "扩建", "改扩建", "提标改造", "提升改造", "迁建", "扩容", "整治",
)
# … of these, the ones that enlarge the same facility: the work keeps the facility's name
# (完成县城第二水厂扩建 → 县城第二水厂), while a retrofit names a work of its own.
ENLARGING_TAILS: tuple[str, ...] = ("扩建", "改扩建", "扩容")
# Heads of institutions that the text may build or open: then the name is the work
# (开工建设松溪市第四中学, 实验学校建成招生, 与职业技术学院共建产业学院).
BUILT_INSTITUTION_HEADS: tuple[str, ...] = (
    "学校", "中学", "小学", "一中", "学院", "幼儿园", "九年一贯制学校", "十二年一贯制学校",
)
# An institute is the work only when others found it together (某大学与某公司共建某研究院);
# one built and in use (研究院建成投用) may be a body of its own.
CO_BUILT_INSTITUTION_HEADS: tuple[str, ...] = ("研究院",)
# … and the heads of a joint work (某材料联合实验室) that partners build together.
JOINT_WORK_HEADS: tuple[str, ...] = ("实验室", "研究院", "研究中心", "创新中心")
BUILD_BEFORE: tuple[str, ...] = (
    "开工建设", "新建", "建设", "建成", "共建", "合作建设", "共同建设", "合作共建", "续建", "改扩建",
    "开办", "合作开办",
)
BUILD_AFTER: tuple[str, ...] = (
    "建成", "开工", "竣工", "投用", "投入使用", "招生", "主体完工", "主体结顶", "封顶", "开学",
)
# Words of time between a work and the verb that opens it (某小学秋季开学, 某中学年内建成).
BUILD_AFTER_TIMES: tuple[str, ...] = ("秋季", "春季", "年内", "年底", "如期", "顺利", "正式", "全面")
# Heads of areas that the text may build, restore or open: then the area is the work
# (滨河商业街区改造提升完成, 文旅集团运营的古港文化街区开街), not a place where others act.
# An airport in service is a place, like a port (某机场旅客吞吐量, 某机场开通国际航线); one
# being sited, prepared or built is the work (推进某通用机场选址报批, 开工建设某机场).
BUILT_PLACE_HEADS: tuple[str, ...] = ("街区", "机场")
BUILT_PLACE_BEFORE: tuple[str, ...] = BUILD_BEFORE + ("运营的", "修缮", "迁建")
BUILT_PLACE_AFTER: tuple[str, ...] = BUILD_AFTER + WORK_TAILS + (
    "开街", "改造提升", "修缮", "保护性修缮", "提升完成", "选址", "前期",
)
# Group nouns after 等 that make the listed names generic facilities (管廊、停车场、指挥中心等配套设施)
# or goods (糖、木制品、果蔬等产品出口东盟国家: no place is listed).
GENERIC_GROUP_NOUNS: tuple[str, ...] = (
    "配套设施", "基础设施", "设施", "场所", "载体", "产品", "农产品", "商品", "货物",
)
# Heads that only make a project with a proper stem in front (a bare 中心 or 项目 is not one).
PROJECT_PHASES = ("一期", "二期", "三期", "四期", "五期")
# Roads, named by a stem and one of these, are projects when the text builds them.
ROAD_HEADS: tuple[str, ...] = ("大道", "路", "线")
# Common words that end like a road (集成电路, 思路).
NOT_ROADS: tuple[str, ...] = (
    "电路", "线路", "思路", "道路", "出路", "网路", "门路", "套路", "新路", "老路", "公路", "铁路",
    "水路", "航线", "路线", "主线", "专线", "全线",
)
ROAD_BUILD_CUES: tuple[str, ...] = (
    "全线", "通车", "建设", "改造", "贯通", "开工", "合龙", "完工", "建成", "延伸", "北延", "南延", "东延",
    "西延", "快速化",
)
# Words that name a kind of thing, not one thing. A stem made only of these (with level
# qualifiers, amounts and 和/与/及 between them) leaves a name generic, whatever its head:
# 民生实事项目, 工业用地提质增效项目, 绿色工业园区, 新能源汽车企业, 社区嵌入式养老服务中心.
# Words of two characters or more; the one-character stems of the per-type tables below
# count only as a whole stem (全区, 各镇), never as a part (东南村 is a name).
GENERIC_WORDS: tuple[str, ...] = (
    # rank, scale and kind
    "重大", "重点", "优质", "精品", "优秀", "龙头", "骨干", "头部", "领军", "链主", "规上", "高质量",
    "一批", "各类", "相关", "配套", "新型", "传统", "现代", "先进", "前沿", "未来", "高端", "新兴",
    "特色", "示范", "试点", "标杆", "综合", "区域性", "全方位", "一站式", "嵌入式", "高层次",
    "高水平", "百亿", "千亿",
    # ownership and origin
    "外资", "内资", "民营", "国有", "区属", "县属", "市属", "跨国", "外贸", "外商", "中小", "小微",
    "德资", "日资", "港资", "台资", "韩资", "紧密型",
    "上市",
    # stage of work
    "在建", "新开工", "续建", "竣工", "投产", "签约", "落地", "开工", "新建", "改建", "扩建",
    "改扩建", "新改建", "改造", "提升", "建设", "升级", "转型", "转移", "提质增效", "提质", "增效",
    "更新", "招商", "招引", "拓宽",
    # sectors and domains
    "工业", "产业", "农业", "农村", "乡村", "城市", "城乡", "县城", "乡镇", "社区", "邻里", "商业",
    "商贸", "餐饮", "消费", "文旅", "文化", "旅游", "休闲", "体育", "健康", "卫生", "医疗", "教育",
    "养老", "托育", "民生", "实事", "民心", "慈善", "便民", "党群", "政务", "公共", "服务",
    "基础设施", "交通", "水利", "生态", "环保", "绿色", "低碳", "智慧", "数字", "数据", "信息",
    "科技", "科创", "创新", "创业", "双创", "研发", "研究", "设计", "孵化", "转化", "技术", "工程",
    "技改", "智改数转", "检验", "检测", "人才", "引才", "院士", "博士后", "外专", "校企", "联合",
    "载体", "平台", "功能", "用地", "物流", "能源", "新能源", "制造", "制造业", "金融", "生活",
    "污水", "垃圾", "停车", "充电", "指挥", "治理", "应用", "企业", "机构", "工作", "家庭农场",
    "农民", "美丽", "和美", "宜居", "宜业", "田园", "人居", "环境", "经济", "发达", "夜间", "步行",
    "沿线", "境外", "周边", "对口", "保税", "综合保税", "自贸", "投资", "融资", "基金", "天使",
    "引导", "产业链", "高新技术", "专精特新", "关联", "光伏", "汽车", "新能源汽车", "电池", "动力",
    "动力电池", "青年", "副总", "入库", "在库", "主体", "港航", "学前", "普惠", "扩容", "惠民",
    "便利化", "公用", "危化品", "配套设施", "设施", "镇村", "落后", "闲置", "就业", "现代化",
    "担保", "保险", "证券", "亿元", "万元", "美元", "核心", "沿岸",
    # kinds of facility and of work (地下综合管廊, 海岛码头, 中试基地, 专科联盟, 热电联产项目,
    # 省级补助项目)
    "地下", "海岛", "中试", "概念验证", "专科", "热电联产", "补助", "县域",
    # where and how projects gather (投向区内产业项目, 以平台集聚项目)
    "区内", "县内", "市内", "集聚",
    # farming kinds (优质奶源基地, 饲草种植基地, 肉牛养殖基地: a kind of base, unless named)
    "种植", "养殖", "奶源", "饲草",
)
# Stems that leave a project generic on their own (实事项目, 口袋公园, 研发中心).
GENERIC_PROJECT_STEMS: tuple[str, ...] = (
    "口袋", "学校", "城运", "更多", "小型", "高速", "区域性", "一级以上", "二级以上", "三级以上",
    "头号", "标志性", "重要", "内贸", "外贸", "路基", "原料",
)
# A stem opening with one of these names a role a place aims at, not a work (打造区域性国际
# 物流枢纽, 建设区域性医疗中心, 成为…的重要中转站).
GENERIC_PROJECT_STEM_OPENINGS: tuple[str, ...] = ("区域性", "重要", "全国性", "世界级")
# A stem ending in one of these names a category of projects (县级领导联系重点项目).
GENERIC_PROJECT_STEM_ENDS: tuple[str, ...] = ("重点", "重大", "实事", "美元", "亿元", "万元")
# A stem ending like this names a title to win, not a work (全国智慧健康养老应用试点示范基地).
# … and so does a zone's stem ending in 先行 (某某高质量发展先行示范区: a title, not a place).
DESIGNATION_ENDINGS: tuple[str, ...] = ("示范", "试点", "标杆", "试点示范", "优秀", "先行", "产业强")
# A zone named with one of these in front is the vision of a place, not a zone of it
# (打造现代化某某新城, 建设宜居宜业某某新城): real zones open with a name of their own.
VISION_QUALIFIERS: tuple[str, ...] = (
    "现代化", "国际化", "宜居宜业", "宜居", "宜业", "高品质", "高水平", "高质量", "美丽", "幸福",
    "魅力", "活力", "和美", "品质",
)
# After these verbs comes a title being sought, not a name (创建…示范区, 争创国家级…中心).
DESIGNATION_VERBS: tuple[str, ...] = ("创建", "争创", "申报创建", "申报", "打造", "创成")
# Qualifiers stripped before the generic test (省级工程技术研究中心 is generic).
LEVEL_QUALIFIERS: tuple[str, ...] = (
    "国家级", "省级", "市级", "区级", "县级", "省市级", "省市", "国家", "全国", "省", "市", "区",
    "县", "以上",
)
# Words inside a project name that mark it as a category, not one work.
GENERIC_PROJECT_WORDS: tuple[str, ...] = (
    "等", "各类", "一批", "类项目", "领域", "重大项目", "前期项目", "储备项目", "各项目",
)

# --- enterprises ----------------------------------------------------------------------
ENTERPRISE_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团", "公司", "基金", "银行",
    "株式会社",
    # 引导 is a governing verb (引导企业…) but also the kind of a fund (某区产业引导基金)
    "引导基金",
)
# A bank's branch, written after the bank and its seat (某银行汀兰支行, 某银行山东省分行).
BANK_BRANCH_HEADS: tuple[str, ...] = ("分行", "支行", "营业部")
# A company's branch, written after the company's legal name and the branch's seat: a grid
# company's local supply bureau (某电网有限责任公司某某供电局, 某电力有限公司某县供电公司,
# 某某有限公司某市分公司).
COMPANY_BRANCH_HEADS: tuple[str, ...] = ("供电局", "供电公司", "供电分公司", "分公司")
# … of these, the ones that end like a government body (局) but name a company's branch.
BRANCH_NOT_AGENCY: tuple[str, ...] = ("供电局",)
# Words a short company name ends with (长青科技, 瑞华化工): the industry, broad and common
# across Chinese company names.
ENTERPRISE_INDUSTRY_HEADS: tuple[str, ...] = (
    "科技", "智能", "能源", "新能源", "材料", "新材", "新材料", "医药", "药业", "制药", "生物",
    "电子", "电气", "电器", "光电", "机械", "装备", "重工", "化工", "物流", "半导体", "汽车",
    "食品", "股份", "控股", "集团", "实业", "精密", "纺织", "钢铁", "信息", "软件", "环保",
    "电力", "置业", "地产", "矿业", "农业", "航空", "传媒", "通信", "网络", "数码", "石化",
    "光伏", "建材", "航运", "船舶", "贸易", "商贸", "茶业", "鞋业", "鞋服", "服饰", "乳业", "纸业",
    "酒业",
)
# Legal forms and bracketed seats dropped to get the short name of a company.
LEGAL_FORMS: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "有限公司", "公司",
    "株式会社",
)
# The words of a company's trade and the two characters a report shortens them to: 某城市投资
# 建设集团有限公司 is 某城投, 某交通投资集团 某交投, 某文化旅游集团 某文旅.
TRADE_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("城市建设投资", "城投"), ("城市投资", "城投"), ("交通投资", "交投"), ("产业投资", "产投"),
    ("文化旅游", "文旅"), ("能源化工", "能化"), ("国有资本投资", "国投"),
)
# Verbs of a company's trade that also govern a name (投资建设某园), but that stand inside a
# legal name right before its form: 某城市投资建设集团有限公司, 某开发建设有限公司.
LEGAL_TRADE_VERBS: tuple[str, ...] = ("投资建设", "开发建设")
# Stems that leave an enterprise generic on their own (子公司, 该公司, 基金公司); longer
# generic stems are made of GENERIC_WORDS and industry words.
GENERIC_ENTERPRISE_STEMS: tuple[str, ...] = (
    "子", "分", "总", "母", "其", "本", "该", "大", "两家", "三家", "QFLP", "城投", "集团", "政府",
    "快递",
)
# Verbs after which a bare name at the start of a clause is an organisation that acts
# (an adverb may stand between: 及早投产, 成功上市; 在 + an exchange before 上市).
ORG_SUBJECT_VERBS: tuple[str, ...] = (
    "获评", "入选", "获批", "被认定为", "被评为", "获颁", "出口", "签约落地", "营业收入", "营收",
    "销售收入", "成为", "开展", "拓展", "带动", "荣获", "投产", "与", "实施", "挂牌", "落户", "签约",
    "通过", "搭建", "承建", "建设运营", "投资建设", "增资", "追加投资",
)
# A country's name opens a foreign firm's name (德国某精工, 韩国某化学) before an organisation's
# verb, unless the words after it name a group of people or a market (德国客商, 日本市场).
FOREIGN_FIRM_MAX = 6
# … the verbs after which a country-named subject is such a firm (not 开展, 与: 德国斯图加特
# 开展招商 names a city).
FOREIGN_FIRM_VERBS: tuple[str, ...] = (
    "签约", "落户", "投产", "投资建设", "承建", "建设运营", "增资", "追加投资", "获评", "入选",
    "荣获", "挂牌",
)
NOT_FOREIGN_FIRMS: tuple[str, ...] = (
    "市场", "客商", "商会", "政府", "专家", "客户", "外商", "投资者", "资本", "使馆", "领事馆",
    "代表团", "游客", "友人", "侨商", "华侨", "城市", "地区", "方面", "合作", "商务", "订单",
)
# A verb glued to the character before it is part of a longer word (进出口).
ORG_VERB_NOT_AFTER: dict[str, str] = {"出口": "进"}
# Adverbs and times that may stand between an organisation and its verb.
ORG_VERB_ADVERBS: tuple[str, ...] = (
    "及早", "尽早", "率先", "成功", "顺利", "正式", "全面", "相继", "先后", "分别", "全年", "年内",
    "首次", "已", "冲刺", "筹备", "启动",
)
# Boards of an exchange written between a name and 上市 (主板上市, 科创板上市).
LISTING_BOARDS: tuple[str, ...] = ("主板", "科创板", "创业板", "北交所", "新三板", "港股", "境外",
                                   "沪市主板", "深市主板", "沪深主板")
# Verbs that many subjects do: the name before them must end like a company (拨云科技).
WEAK_ORG_VERBS: tuple[str, ...] = (
    "开展", "拓展", "带动", "成为", "与", "投产", "实施", "入选", "落户", "签约", "挂牌", "营业收入",
    "营收", "销售收入", "通过", "搭建", "承建", "建设运营", "投资建设",
)
# Words that make a company name generic wherever they stand (区内优质上市公司).
GENERIC_ENTERPRISE_WORDS: tuple[str, ...] = (
    "优质", "上市", "龙头", "骨干", "跨国", "区内", "县内", "市内", "各类", "外资", "投资机构",
    "后备", "重点", "领军", "规上", "高新技术", "专精特新", "兄弟", "县区", "销售", "境内外", "境内",
    "国内外", "海内外",
)
# Endings of a group of organisations, not one (龙头企业, 科研机构, 示范单位).
GENERIC_ORG_ENDINGS: tuple[str, ...] = (
    "企业", "机构", "单位", "公司", "集群", "主体", "项目", "载体", "平台", "人才", "团队", "园区",
    "产业", "行业", "部门", "高校", "院所", "工作", "政策", "品牌", "经验", "案例", "群众", "建设",
    "发展", "新药", "产品",
)
# X、Y等 + count + one of these: the listed names are companies.
ENTERPRISE_GROUP_NOUNS: tuple[str, ...] = ("企业", "公司", "跨国公司", "外企", "家")
# A short name that opens a clause and ends like this is a venue, a Project (环球恐龙城获评…).
VENUE_ENDINGS: tuple[str, ...] = ("城", "港", "林", "园", "馆", "湾")
# A list closed by 等 + one of these nouns names things of that type (小黄山、新孟河等9个生态
# 绿城项目; 欧美、日韩等地区; “青春留常”等政策 — a policy only when quoted). Longest first is
# handled by the matcher.
GROUP_NOUN_TYPES: dict[str, str] = {
    "项目": "Project", "工程": "Project", "建筑": "Project", "道路": "Project", "场馆": "Project",
    "企业": "Enterprise", "公司": "Enterprise", "跨国公司": "Enterprise", "外企": "Enterprise",
    "地区": "Place", "国家": "Place", "城市": "Place", "市场": "Place", "园区": "Place",
    "村庄": "Place", "乡镇": "Place", "地": "Place", "政策": "Policy", "高校": "Agency",
    "院所": "Agency",
}
# What may stand between 等 and its noun (等超50家跨国公司, 等9个生态绿城项目, 等沿线境外园区).
GROUP_NOUN_GAP = 8

# --- agencies ------------------------------------------------------------------------
# A government body: its level, then its name, then one of these.
AGENCY_LEVELS: tuple[str, ...] = (
    "国家", "中央", "自治区", "省", "州", "盟", "市", "区", "县", "旗", "镇", "乡", "苏木", "街道",
)
AGENCY_HEADS: tuple[str, ...] = (
    "人民政府", "政府", "委员会", "办公室", "管委会", "分局", "局", "厅", "委", "办", "署", "中心",
    "研究院", "产研院", "研究所", "医院", "人民医院", "中医医院", "法院", "检察院", "大学", "学院",
    "交大", "师大", "学校", "中学", "一中", "小学", "管理局", "海关", "科学院", "幼儿园",
    "九年一贯制学校", "十二年一贯制学校", "边检站", "出入境边防检查站",
)
# Bodies named by the port or city they serve, without a level (某某海关, 某某口岸边检站).
SEAT_NAMED_AGENCY_HEADS: tuple[str, ...] = ("海关", "边检站", "出入境边防检查站")
# The board of a zone, named by the zone (经开区管委会, 综保区管理委员会).
ZONE_BOARD_HEADS: tuple[str, ...] = ("管委会", "管理委员会", "委员会")
# Heads an agency may have without a level in front, given a long enough stem
# (安全生产综合监督管理局); short words end in them too (格局, 督办, 客厅).
UNLEVELLED_AGENCY_HEADS: tuple[str, ...] = ("管理局", "委员会", "办公室")
UNLEVELLED_MIN_STEM = 4
# Party and state bodies by level: 市委, 县人民政府, 区人大, 县政协 (with an optional place
# name in front: 岚州市委, 青山县人民政府).
POLITICAL_BODIES: tuple[str, ...] = ("人民政府", "政府", "人大常委会", "人大", "政协", "委")
POLITICAL_NOT_BEFORE: tuple[str, ...] = ("员", "书记", "常委会", "办", "托")
# The government of a town or a street, named by the town (漕溪镇人民政府, 白沙街道办事处).
TOWN_LEVELS: tuple[str, ...] = ("镇", "乡", "街道", "苏木", "旗")
TOWN_BODIES: tuple[str, ...] = ("人民政府", "政府", "党委", "办事处")
FIXED_AGENCIES: tuple[str, ...] = (
    "党中央", "国务院", "中共中央", "全国人大", "全国政协",
    # the ministries and commissions of the State Council, named without a level
    "外交部", "国防部", "国家发展改革委", "国家发展和改革委员会", "教育部", "科技部", "科学技术部",
    "工业和信息化部", "工信部", "国家民委", "公安部", "民政部", "司法部", "财政部",
    "人力资源社会保障部", "人力资源和社会保障部", "自然资源部", "生态环境部", "住房城乡建设部",
    "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部",
    "国家卫生健康委", "退役军人事务部", "应急管理部", "中国人民银行", "审计署", "海关总署",
    "国家税务总局", "国家市场监督管理总局", "国家市场监管总局", "国家金融监督管理总局",
    "国家统计局", "国家能源局", "国家林草局", "国家林业和草原局", "国家医保局", "国家知识产权局",
)
# Stock exchanges, named as organisations (北交所上市).
STOCK_EXCHANGES: tuple[str, ...] = (
    "上海证券交易所", "深圳证券交易所", "北京证券交易所", "北交所", "上交所", "深交所", "港交所",
)
# Central state-owned enterprises by the short names reports use (a general table, like the
# ministries above): most carry no legal form or trade word (中国电建, 国家电投).
CENTRAL_ENTERPRISES: tuple[str, ...] = (
    "国家电网", "南方电网", "国家电投", "国家能源集团", "中国电建", "中国能建", "中国华能",
    "中国大唐", "中国华电", "三峡集团", "中核集团", "中广核", "中国石油", "中国石化", "中国海油",
    "中国中铁", "中国铁建", "中国交建", "中交集团", "中国中冶", "中国中车", "中国宝武", "中国五矿",
    "中国建材", "中国移动", "中国电信", "中国联通", "中国铁塔", "中国商飞", "中国中化", "中国节能",
    "中国电科", "中国一汽", "中国船舶", "中国铝业", "招商局集团", "华润集团", "中粮集团", "国药集团",
)
# Heads that name an institution on their own, without a level (复旦大学, 运河实验室 is a project).
INSTITUTION_HEADS: tuple[str, ...] = (
    "大学", "学院", "交大", "师大", "研究院", "研究所", "科学院",
)
# Bodies a university runs under a name of their own (山东大学齐鲁医院, 四川大学华西医院).
UNIVERSITY_BODY_HEADS: tuple[str, ...] = ("医院",)
# Stems that leave an agency generic (各部门, 市直部门, 高校).
GENERIC_AGENCY_STEMS: tuple[str, ...] = (
    "各", "相关", "有关", "责任", "职能", "上级", "服务", "指挥", "运营", "研发", "创新",
    "技术", "工程", "孵化", "示范", "双一流", "高水平", "知名", "重点", "新型", "综合", "管理",
    "监管", "科研", "研究", "体检", "培训", "检测", "联合", "中心", "三级", "星级", "级",
)
# Short forms of agency names → the full form (区发改委 → 区发展和改革委员会).
AGENCY_ABBREVIATIONS: dict[str, str] = {
    "发改委": "发展和改革委员会", "发展改革委": "发展和改革委员会", "发改局": "发展和改革局",
    "工信局": "工业和信息化局", "经信局": "经济和信息化局", "科技局": "科学技术局",
    "人社局": "人力资源和社会保障局", "住建局": "住房和城乡建设局", "自规局": "自然资源和规划局",
    "资规局": "自然资源和规划局", "生态环境局": "生态环境局", "农业农村局": "农业农村局",
    "文旅局": "文化广电和旅游局", "卫健委": "卫生健康委员会", "卫健局": "卫生健康局",
    "市监局": "市场监督管理局", "应急局": "应急管理局", "审批局": "行政审批局",
    "城管局": "城市管理局", "交通局": "交通运输局", "国资办": "国有资产监督管理办公室",
    "国资委": "国有资产监督管理委员会", "金融办": "金融工作办公室", "疾控中心": "疾病预防控制中心",
    "产研院": "产业技术研究院", "管委会": "管理委员会", "经开区": "经济开发区",
    "政府办": "人民政府办公室", "统计局": "统计局",
}
# Short forms of institutions (南师大 → 南京师范大学 is found by the subsequence rule;
# these are the forms it cannot find).
INSTITUTION_ABBREVIATIONS: dict[str, str] = {
    "交大": "交通大学", "师大": "师范大学", "理工大": "理工大学", "科大": "科技大学",
}

# --- places --------------------------------------------------------------------------
# Heads of a place name (西夏墅镇, 三井街道, 高铁新城, 龙江路以西产业园区).
# Functional zones: planned areas beside the administrative ladder (高铁新城, 站北片区,
# 龙江路以西产业园区, 成渝地区双城经济圈).
ZONE_HEADS: tuple[str, ...] = (
    "新城", "科技城", "新区", "开发区", "高新区", "经开区", "示范区", "片区", "产业园区", "园区",
    "核心区", "自贸区", "保税区", "综保区", "度假区", "街区", "商圈", "经济圈", "经济带", "示范园",
    "作业区", "景区", "集聚区", "经济区", "协同发展区", "集中区", "合作区", "经济走廊",
    "科创走廊", "科创大走廊", "湾区", "城市群", "都市圈",
)
# Words after a zone's name that show the zone itself is acted on (某湖湾区生态修复一期工程):
# the head is not glued to them as to a common word (村生活污水).
ZONE_ACTED_ON: tuple[str, ...] = ("生态",)
# Words after a river or lake's name that show the water itself is acted on (松溪河流域,
# 德胜河航道整治, 运河干流, 松溪河国考断面).
WATER_CONTEXT: tuple[str, ...] = (
    "流域", "干流", "支流", "航道", "河道", "沿线", "两岸", "岸线", "国考断面", "水质", "水系",
    "出境断面", "断面", "水域",
)
# Words after a reservoir's name that show the water itself is acted on or protected (某水库饮用水
# 水源保护区, 某水库库区): then the name alone is a place; works named after it are on it.
RESERVOIR_HEADS: tuple[str, ...] = ("水库",)
RESERVOIR_CONTEXT: tuple[str, ...] = (
    "饮用水水源", "饮用水源", "水源地", "水源保护区", "库区", "水质", "水域", "流域",
)
# Words after a mountain's name that show the mountain itself is acted on (某某山废弃矿山治理,
# 某某山生态修复, 某某山南麓): then the name alone is a place. Parks and scenic areas named
# after a mountain are left to the name they make (某某山国家森林公园 is a work).
MOUNTAIN_CONTEXT: tuple[str, ...] = (
    "废弃矿山", "矿山", "生态修复", "生态保护修复", "生态保护", "山体修复", "植被恢复",
    "南麓", "北麓", "东麓", "西麓",
)
# A mountain's stem ending like this makes a common word, not a name (废弃矿山, 荒山, 绿水青山).
NOT_MOUNTAIN_STEM_ENDS: tuple[str, ...] = (
    "矿", "荒", "水青", "金", "银", "火", "冰", "深", "江", "靠", "登", "爬", "上", "下", "进", "出",
)
# Words after an island's name that show the island itself is meant (某某岛海岛旅游, 某某岛腹地,
# 某某岛周边海域): then the name alone is a place. Works named after it keep their own name.
ISLAND_CONTEXT: tuple[str, ...] = (
    "海岛", "腹地", "海域", "周边海域", "岸线", "沿岸", "生态修复", "生态保护",
)
# Words before an island's name that place an action on it (把某某岛打造成为…, 在某某岛实施…).
ISLAND_BEFORE: tuple[str, ...] = ("把", "在", "至", "背靠", "登上", "环")
# The character before 岛 in common words, not names (海岛, 半岛, 全岛, 环岛, 离岛, 无人岛).
NOT_ISLAND_STEM_ENDS = "海半全环离孤小登上出进本宝荒人"
# The last character of a river's or lake's name (松溪河, 太湖, 楠溪, 钱塘江), with the creeks of
# the Pearl River delta (某某涌) and the lakes of the Northeast (某某泡).
WATER_ENDINGS = "河江湖溪涌泡"
# A water's stem opening with one of these is a motion into or out of it (入湖河道, 出江口).
WATER_MOTION_STARTS = "入出进"
# Marks between the waters of a list (甲河、乙涌, 甲山、乙泡和丙河沿线).
WATER_LIST_JOINERS = "、和及"
# A water name followed by one of these is part of another place's name (鹤溪镇, 楠溪村).
WATER_NOT_BEFORE = "镇乡村街县市区港湾"
# A zone's park in another place, named by the zone, the place and one of these
# (某市高新区某县园, 某经开区某某分园): one place, in the zone's host.
SUB_PARK_ZONES: tuple[str, ...] = ("高新区", "经开区", "开发区", "新区", "综保区")
SUB_PARK_HEADS: tuple[str, ...] = ("园", "分园", "园区")
# Zones written by their common abbreviation (经开区), with the forms they stand for.
ZONE_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "经开区": ("经济技术开发区", "经济开发区"), "高新区": ("高新技术产业开发区",),
    "综保区": ("综合保税区",), "自贸区": ("自由贸易试验区", "自由贸易区"),
    "自贸片区": ("自由贸易试验区片区",),
}
# Heads of a place name: administrative units, zones, waters (西夏墅镇, 三井街道, 太湖流域).
# A port is known by the named areas it holds (某某港某某港区, 某某港某某作业区); known, its name
# alone is a place where it stands free (某某港至某地的航线, 推动某某港与某某港建立友好港关系).
PORT_PART_HEADS: tuple[str, ...] = ("港区", "作业区")
# After 港 these make a longer word or another's name (港区, 港务, 港口, 港投集团, 港城).
PORT_NAME_NOT_BEFORE = "区务口投航城湾"
# … and before a port's name these join another port to it (甲港与乙港, 甲港、乙港).
PORT_JOINERS = "与和及、"
# The port area of a named port (琅州港岫川港区, 岫川港区): a place, but not a zone, since a
# district's name may end the same way (海港区).
PORT_AREA_HEADS: tuple[str, ...] = ("港区",)
# Heads of the regions of foreign countries that border reports name (Russia's krais).
FOREIGN_UNIT_HEADS: tuple[str, ...] = ("边疆区",)
# The administrative ladder of Inner Mongolia runs 盟/市 → 旗 → 苏木 → 嘎查, beside 县 → 镇 → 村.
PLACE_HEADS: tuple[str, ...] = (
    ("街道", "社区", "镇", "乡", "村", "县", "市", "口岸", "旗", "苏木", "嘎查")
    # state farms and forest farms are places of their own (某某农场, 某某林场)
    + ("农场", "林场")
    # ethnic autonomous places (某某彝族自治县, 某某自治旗, 某某回族乡)
    + ("自治州", "自治县", "自治旗", "民族乡", "族乡")
    + ZONE_HEADS
    + ("流域", "古街", "古镇", "机场")
    # first-level units of neighbouring countries, named after their country (俄罗斯某某边疆区)
    + FOREIGN_UNIT_HEADS
    + PORT_AREA_HEADS
)
# The natural villages below an administrative village (Guangxi's 屯: 某村某屯), named by two
# characters right after their village's name.
HAMLET_HEADS: tuple[str, ...] = ("屯",)
# A named community (白鹭社区) has a stem of its own: after a town's name the word means the
# town's community services (某街道社区卫生服务中心), not a community of that name.
COMMUNITY_HEADS: tuple[str, ...] = ("社区",)
COMMUNITY_NOT_AFTER: tuple[str, ...] = ("街道", "镇", "乡", "村", "区", "县", "市")
# After these heads, a character that makes a common word (乡镇, 乡土, 镇域).
HEAD_WORD_AFTER: dict[str, str] = {
    "乡": "镇土亲愁贤音情里", "镇": "域街", "村": "民级", "站": "北南东西点位长台内前式",
    "道路": "网", "楼": "宇盘层市栋", "馆": "藏长", "桥": "头", "河": "道长湖岸堤床网滩",
    "办": "理好事法公学会结实", "局": "面势限部", "厅": "堂",
    "旗": "舰下帜袍手鼓号杆", "项目": "贷",
}
# Stems that make a 园 a zone where others act, a Place (中欧（临漕）国际合作产业园).
ZONE_STEMS: tuple[str, ...] = ("国际合作", "产能合作", "合作示范")
# After a short-stem place (西岭县) comes a boundary or one of these, not more of a word (县城):
# a closing bracket ends a list (全市（甲区、乙旗、丙县）) and a number opens a count (丙县6120名).
SHORT_PLACE_NEXT = "的和与及等、，。；对在）)0123456789"
# A project head after which no owner is implied by the name (钒钛新材料产业技术创新联盟).
NO_OWNER_HEADS: tuple[str, ...] = ("联盟", "联合体")
# Branch words after which a short place name is the branch's seat (市生态环境局运河分局).
BRANCH_HEADS: tuple[str, ...] = ("分局", "分院", "支队", "大队", "分中心")
# 甲升级为乙, 甲更名为乙: one thing under an old and a new name.
RENAME_VERBS: tuple[str, ...] = ("升级为", "更名为", "改名为", "整合为")
# Compounds inside agency names that hold a stop word (发展和改革, 自然资源和规划).
PROTECTED_COMPOUNDS: tuple[str, ...] = (
    "发展和改革", "工业和信息化", "自然资源和规划", "住房和城乡建设", "人力资源和社会保障",
    "文化广电和旅游", "文化和旅游", "经济和信息化", "科学技术", "卫生健康", "交通运输",
    "文化广电体育和旅游", "文化体育和旅游", "文化广电体育旅游", "教育和体育", "投资促进",
    "商务和投资促进", "科学技术和工业信息化", "工业和科学技术", "就业促进",
    # … and a stop word itself (保障): 区人力资源社会保障局, 市医疗保障局
    "人力资源社会保障", "医疗保障", "社会保障局",
)
# Kinds of town (特色小镇, 商贸物流重镇, 农业产业强镇): after generic words (建设特色小镇) they
# name a kind, not a town.
TOWN_KINDS: tuple[str, ...] = ("小镇", "重镇", "名镇", "强镇")
# Heads that make a place only after a two-character stem (西岭县, 岚州市): longer runs
# before them are other words (中心城市, 全县).
SHORT_STEM_PLACE_HEADS: tuple[str, ...] = ("县", "市")
# Parts of a place named after it (北塘新城核心区 is in 北塘新城).
PLACE_PART_HEADS: tuple[str, ...] = ("核心区", "段")
# Stems that leave a place generic on their own (全区, 镇村, 各镇, 培育镇); longer generic
# stems are made of GENERIC_WORDS (美丽乡村, 绿色工业园区, 经济发达镇).
GENERIC_PLACE_STEMS: tuple[str, ...] = (
    "全", "我", "本", "各", "该", "乡", "镇", "村", "城", "新", "老", "旧", "郊", "小", "大", "东",
    "西", "南", "北", "一", "社", "外", "培育", "行政", "自然", "贫困", "中心城", "中心", "两个",
    "居民", "城镇", "开发", "高新", "省级", "国家级", "市级", "全国", "老旧", "区域", "深度",
    "少数", "民族", "少数民族", "各民族", "边境", "沿边", "城中", "综合性", "国际", "建制", "家庭",
    "历史文化", "居家",
    # the lines of a customs regime (一线放开、二线管住): 二线口岸 is a kind of checkpoint
    "一线", "二线",
)
# Regions and waters named without an administrative head (a general table).
REGIONS: tuple[str, ...] = (
    "长三角", "珠三角", "粤港澳大湾区", "京津冀", "长江经济带", "成渝", "太湖流域", "黄河流域",
    "长江流域", "淮河流域", "苏南", "苏北", "苏中", "皖南", "浙北", "太湖", "大运河", "东盟",
    "欧盟", "中东", "中亚", "东南亚", "非洲", "拉美", "欧洲", "北美", "南美", "中东欧", "东欧",
    "西欧", "北欧", "南亚", "西亚", "香港", "澳门", "台湾", "港澳", "港澳台", "沪苏浙", "江浙沪",
    "苏锡常", "长株潭", "环渤海", "北部湾", "海峡西岸", "日韩", "欧美", "东北亚",
)
# Foreign countries, by the names Chinese reports use (a general table).
COUNTRIES: tuple[str, ...] = (
    "中华人民共和国", "印度尼西亚", "印尼", "阿联酋", "阿拉伯联合酋长国", "沙特阿拉伯", "沙特",
    "德国", "法国", "英国", "意大利", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "瑞典", "挪威",
    "丹麦", "芬兰", "奥地利", "匈牙利", "波兰", "捷克", "斯洛伐克", "罗马尼亚", "保加利亚",
    "塞尔维亚", "希腊", "土耳其", "俄罗斯", "乌克兰", "白俄罗斯", "哈萨克斯坦", "乌兹别克斯坦",
    "吉尔吉斯斯坦", "塔吉克斯坦", "土库曼斯坦", "蒙古国", "日本", "韩国", "朝鲜", "越南", "老挝",
    "柬埔寨", "泰国", "缅甸", "马来西亚", "新加坡", "菲律宾", "文莱", "印度", "巴基斯坦",
    "孟加拉国", "斯里兰卡", "尼泊尔", "伊朗", "伊拉克", "以色列", "卡塔尔", "科威特", "阿曼",
    "埃及", "南非", "尼日利亚", "埃塞俄比亚", "肯尼亚", "摩洛哥", "阿尔及利亚", "美国", "加拿大",
    "墨西哥", "巴西", "阿根廷", "智利", "秘鲁", "哥伦比亚", "澳大利亚", "新西兰",
)
# Foreign cities the genre names as markets, partners and sister cities (a general table;
# names that are also common words, 汉堡 or 万象, are left out).
FOREIGN_CITIES: tuple[str, ...] = (
    "乌兰巴托", "莫斯科", "圣彼得堡", "阿拉木图", "阿斯塔纳", "塔什干", "比什凯克", "杜尚别",
    "曼谷", "胡志明市", "吉隆坡", "雅加达", "马尼拉", "首尔", "釜山", "大阪", "法兰克福", "慕尼黑",
    "斯图加特", "杜塞尔多夫", "汉诺威", "柏林", "巴黎", "伦敦", "米兰", "鹿特丹", "阿姆斯特丹",
    "布达佩斯", "华沙", "明斯克", "迪拜", "阿布扎比", "利雅得", "伊斯坦布尔", "纽约", "洛杉矶",
    "旧金山", "悉尼", "墨尔本", "圣保罗",
)
# Short names of provinces and cities count as places only in a 、-list, followed by one
# of these (上海、杭州、南京等中心城市, 赴上海、深圳开展招商): alone they open many other names.
SHORT_PLACE_FOLLOWERS: tuple[str, ...] = (
    "、", "等", "，", "。", "；", "市场", "地区", "开展", "举办", "召开",
)
# A province's short name stands alone as a place (地处广西东部, 毗邻广东的区位优势) after a
# boundary, a stop or one of these, and before SHORT_PLACE_FOLLOWERS or one of these.
PROVINCE_BEFORE: tuple[str, ...] = ("毗邻", "紧邻", "接壤")
PROVINCE_AFTER: tuple[str, ...] = (
    "的", "东部", "西部", "南部", "北部", "中部", "东南部", "西南部", "东北部", "西北部",
)

# --- policies ------------------------------------------------------------------------
# Suffixes that make a quoted phrase (or the words right after it) a named policy,
# plan or programme: “532”发展战略, “龙腾行动”计划, “三大工程”.
POLICY_HEADS: tuple[str, ...] = (
    "行动计划", "行动方案", "攻坚行动", "专项行动", "发展战略", "空间发展战略", "战略", "计划",
    "行动", "工程", "工作法", "方案", "规划", "意见", "措施", "政策", "改革试点", "改革",
    "专项整治", "会战",
)
# Tails that leave a quoted slogan no named policy (落实“人物同防”措施, “乙类乙管”各项措施).
QUOTED_BARE_TAILS: tuple[str, ...] = ("措施", "各项措施", "相关措施", "有关措施", "各项政策")
# A quoted phrase ending in one of these is itself a policy name (“企业创新积分制”, “链长制”,
# “项目攻坚年”).
QUOTED_POLICY_ENDINGS: tuple[str, ...] = ("制", "年", "实事")
# A quoted phrase before one of these names a policy by the quoted words alone
# (“智慧城市管家”试点, “东拓、西优、南延、北控”的思路).
QUOTED_POLICY_FOLLOWERS: tuple[str, ...] = ("试点", "的思路", "思路", "工作体系")
# Words around a quoted phrase that make it a strategy held to (坚持“制造业当家”不动摇).
QUOTED_POLICY_FRAMES: tuple[tuple[str, str], ...] = (("坚持", "不动摇"),)
# A quoted numeric code before one of these names a cultivation programme by its cohort
# (“1115”大企业, “5511”人才, “双百”-style codes with digits only): the code is the name.
QUOTED_CODE_COHORTS: tuple[str, ...] = (
    "大企业", "骨干企业", "龙头企业", "企业家", "企业", "人才", "工程师",
)
# National strategies and programmes named without a head word (a general table).
FIXED_POLICIES: tuple[str, ...] = ("一带一路", "乡村振兴战略", "中国制造2025")
# A policy named by a list (甲、乙等政策) needs at least this many characters (电价 is not one).
MIN_LISTED_POLICY = 6
# Verbs that carry out a programme named by a quoted phrase alone (深化“双招双引”).
QUOTED_POLICY_VERBS: tuple[str, ...] = (
    "深化", "实施", "推进", "推行", "落实", "开展", "探索建设", "深入实施", "全面推行", "全面实施",
    "办好",
)
# A quoted name before 项目 is the work's own name only if it ends like a facility
# (“急郎中工作室”项目, not “揭榜挂帅”项目).
QUOTED_WORK_ENDINGS: tuple[str, ...] = ("室", "馆", "站", "院", "园", "中心", "基地", "工程", "厂")
# A quoted work (“运河绿廊”生态修复工程) rather than a programme (“千企焕新”工程).
WORK_TAIL_WORDS: tuple[str, ...] = ("改造", "修复", "扩建", "新建", "整治", "建设", "改建")
# The most a quoted phrase's tail may add before its policy head (“双百”企业培育计划).
MAX_POLICY_TAIL = 12
# Heads of a policy named without quotes (国家重大人才工程, 全民参保计划).
UNQUOTED_POLICY_HEADS: tuple[str, ...] = (
    "行动计划", "攻坚行动", "专项行动", "提升行动", "增效行动", "计划", "战略", "规定", "行动",
)
# Words after an unquoted campaign that speak of it (某某三年行动目标任务全面完成).
CAMPAIGN_FOLLOWERS: tuple[str, ...] = ("目标任务", "各项任务", "任务")
# Heads that name an unquoted policy only after a count (中央八项规定).
COUNTED_POLICY_HEADS: tuple[str, ...] = ("规定",)
# A head this general names a policy only after a long enough stem (外贸主体培育行动).
MIN_STEM_BY_POLICY_HEAD: dict[str, int] = {"行动": 4}
# An unquoted policy name reads left up to one of these (出台常州国家高新区打造…三年行动计划).
POLICY_LEFT_STOPS: tuple[str, ...] = (
    "出台", "制定", "实施", "落实", "推进", "开展", "开展好", "坚持", "申报", "入选", "用好",
    "深化", "建立", "启动", "印发", "执行", "推行", "围绕", "依托", "按照", "对照", "结合", "完成",
    "首届", "以", "的", "和", "与", "及", "等", "在", "是", "为", "全市", "全区", "全县", "全省",
    "加强", "释放", "对接", "融入", "抢抓", "贯彻", "践行", "主动", "积极", "聚焦", "紧扣", "超",
)
# Stems that leave a policy generic (年度计划, 三大行动, 推进计划).
GENERIC_POLICY_STEMS: tuple[str, ...] = (
    "年度", "年度投资", "投资", "工作", "推进", "发展", "行动", "专项", "各级各类", "各类", "三大",
    "六大", "五大", "四大", "两大", "重点", "实施", "该", "本", "上述",
)

# --- relations -----------------------------------------------------------------------
# A place's short form followed by one of these is part of another toponym (银沙 in 银沙湾,
# 松溪 in 松溪河, 鲸湾 in 鲸湾港, 鹿鸣 in the neighbourhood 鹿鸣里): the name is not in that place.
TOPONYM_ENDINGS = frozenset("湾河湖江岛溪峡滩里")
# Verbs that place a thing: "X落户Y", "X位于Y", "在Y建设X".
# The verbs by which an area states the places it governs (某市辖甲区、乙县).
GOVERN_VERBS: tuple[str, ...] = ("下辖", "辖")
LOCATED_VERBS: tuple[str, ...] = ("落户", "位于", "落地", "坐落于", "选址", "地处")
# … and verbs of settling in a zone (入驻蓝岛生物医药产业园).
SETTLE_VERBS: tuple[str, ...] = ("入驻", "入园", "集聚于", "进驻")
# 在乙建设丙, 甲在乙投资建设的丙, 丙在乙建成运营: the work 丙 is in the place 乙.
LOCATED_BEFORE_VERBS: tuple[str, ...] = (
    "设立", "建设", "建成", "开工", "布局", "投资", "开工建设", "投资建设", "新建", "打造",
)
# Words after a place that name the part of it where a work is built (甲在某镇近海建设的乙,
# 在某岛周边海域建设乙): the place with its part stands where the bare place would.
PLACE_PART_WORDS: tuple[str, ...] = ("周边海域", "近海", "海域", "周边", "沿岸", "沿线", "境内")
RESPONSIBLE_CUES: tuple[tuple[str, str], ...] = (("由", "牵头"), ("由", "负责"))
# A bracketed note that names the bodies in charge of a task: 乙建设（责任单位：区工信局）.
DUTY_LABELS: tuple[str, ...] = ("责任单位", "牵头单位", "责任部门", "牵头部门", "主责单位")
PARTNER_VERBS: tuple[str, ...] = (
    "共建", "合作", "联合", "签约", "签署", "签订", "携手", "共同", "合资", "组建", "结对",
)
# ... with a word between (甲与乙扩大合作, 深化合作, 开展战略合作)
PARTNER_VERB_ADVERBS: tuple[str, ...] = (
    "扩大", "深化", "加强", "开展", "战略", "深度", "全面", "持续", "密切", "开展战略",
)
# 甲与乙共建丙 / 与甲合作建设丙: the builders implement the work.
CO_BUILD_VERBS: tuple[str, ...] = (
    "共建", "合作建设", "共同建设", "合作共建", "联合建设", "合作开发", "合作创办", "合作开办",
    "共同投资", "合作投资", "联合投资", "共同投资建设",
)
# Words that open a clause and take up the partners named before it (甲与乙签约合作，双方共同
# 投资的丙): then the builders are those partners.
PARTNER_ANAPHORS: tuple[str, ...] = ("双方", "两家", "三方", "双方合作", "双方共同", "两家企业")
# 甲承建的乙, 甲建设运营的乙: the organisation builds or runs the work.
BUILDER_VERBS: tuple[str, ...] = (
    "承建", "建设", "搭建", "建设运营", "运营", "投资建设", "投资", "开发建设", "打造",
    "独资建设", "合资建设", "合作开发", "合作创办", "创办", "实施", "承担",
)
# The share of a work a company takes on in the clause after a body's lead (乙由甲牵头，某公司
# 负责建设运营 / 承担建设 / 负责建设和运营): the company builds the work.
COMPANY_DUTY_VERBS: tuple[str, ...] = (
    "负责建设运营", "负责投资建设", "负责建设", "负责运营", "承担建设", "承担运营", "承建", "建设",
    "运营",
)
# … of these, the ones by which a government body oversees a work rather than builds it
# (县农业农村局负责实施的某项目: its responsible agency; 某公司实施的某项目: its builder).
OVERSEE_VERBS: tuple[str, ...] = ("实施",)
# Verbs after which a company is the one who builds the work (支持X投资建设Y, X建设Y).
IMPLEMENT_VERBS: tuple[str, ...] = ("实施", "投资建设", "建设", "投资", "建成", "扩建")
# ... with an adverb between (中国电建同步实施…, 推动某分公司加快建设…).
IMPLEMENT_ADVERBS: tuple[str, ...] = ("同步", "加快", "全力", "积极", "抓紧", "继续", "负责")
# … and the verbs of pressing on with a work named right after them (支持某置业加快某购物中心
# 二期招商, 推动某公司加快某项目建设): the company is the one who carries it out.
PRESS_ON_VERBS: tuple[str, ...] = ("加快", "推进", "加速", "抓紧")

# --- attributes ----------------------------------------------------------------------
AWARD_VERBS: tuple[str, ...] = (
    "获评", "入选", "被认定为", "认定为", "被评为", "获批", "荣获", "创成", "获颁",
)
# Stage words, longest first handled by the matcher; each is kept as the report writes it.
STATUS_WORDS: tuple[str, ...] = (
    "主板上市", "北交所上市", "科创板上市", "创业板上市", "上市", "竣工投产", "竣工投用",
    "竣工验收", "竣工", "开工建设", "全面开工", "开工", "建成投产", "投产", "量产", "建成通车",
    "通车", "投运", "投入使用", "建成投用", "投用", "完工", "封顶", "开园", "揭牌", "并网发电",
    "贯通", "签约落地", "签约", "合龙", "建成",
)
# What an award may end with (it stops at the first clause break anyway).
AWARD_MAX = 30
