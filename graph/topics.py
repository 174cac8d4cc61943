"""What a name or an indicator is about: fine-grained topics from the words of the genre.

A project, an enterprise or a policy works towards a target when both speak of the
same thing — a hospital campus and new beds, a dairy and the dairy herd, a bonded zone
and foreign trade. Each topic is a cue table of the words that give it away, written
for the genre, not for one report: the indicator scheme's themes are too coarse for
this (an industrial park and a school both serve "development").

>>> sorted(topics("县中医医院新院区"))
['health']
>>> sorted(topics("新增床位200张"))
['health']
>>> sorted(topics("绿川乳业")) == sorted(topics("全市奶牛存栏"))
True
>>> share_topic("运河大道快速化改造工程", "新建改造城市道路")
True
>>> share_topic("松溪河滨河公园", "改造老旧小区")
False
>>> share_topic("运河东路南延工程", "新建改造城市道路"), share_topic("漕河二桥", "新建改造城市道路")
(True, True)
>>> share_topic("区域心血管诊疗中心", "每千人口执业（助理）医师数")
True
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["TOPIC_CUES", "share_topic", "topics"]

# topic → words that reveal it. A word may serve two topics (港 → port; 保税 → trade).
# Keep words specific: a cue that fits half the report (发展, 建设, 产业) links everything.
TOPIC_CUES: dict[str, tuple[str, ...]] = {
    "health": ("医院", "卫生", "医疗中心", "床位", "医师", "诊所", "疾控", "门诊", "急救", "护理", "诊疗",
               "医学中心",
               "保健院", "妇幼", "创伤", "救治"),
    "eldercare": ("养老", "康养", "护理院", "托育", "托位", "养老床位"),
    "education": ("学校", "中学", "小学", "幼儿园", "学位", "教育", "校区", "职教", "托幼", "学前",
                  "招生", "留学生"),
    "roads": ("大道", "公路", "道路", "大桥", "桥梁", "隧道", "高速", "高架", "快速路", "立交",
              "路网", "国道", "省道", "路段", "南延", "北延", "东延", "西延", "二桥", "三桥", "四桥"),
    "rail": ("铁路", "高铁", "城际", "轨道交通", "地铁", "轻轨", "动车", "站场"),
    "transit": ("公交", "地铁", "轨道交通", "客运"),
    "port": ("港口", "港区", "码头", "航道", "航运", "集装箱", "吞吐", "泊位", "港务", "船舶",
             "海事", "班轮", "海铁联运"),
    "air": ("机场", "航空", "空港", "航线", "低空"),
    "logistics": ("物流", "陆港", "班列", "货运", "仓储", "冷链", "快递", "多式联运"),
    "water": ("水库", "灌溉", "灌区", "水利", "节水", "防洪", "排涝", "河道", "堤防", "供水",
              "引水", "调水", "水网", "流域", "断面", "水质", "水环境"),
    "sewage": ("污水", "排水", "雨污", "管网改造", "水质", "黑臭", "净水厂"),
    "power": ("电站", "光伏", "风电", "风光", "储能", "新能源", "装机", "输变电", "变电站", "发电",
              "千瓦", "充电", "电网", "核电", "抽水蓄能"),
    "hydrogen": ("氢能", "绿氢", "制氢", "加氢", "储氢"),
    "battery": ("锂电", "电池", "正极", "负极", "电解液", "隔膜"),
    "heat-gas": ("供热", "燃气", "天然气", "热力"),
    "digital": ("数据", "算力", "数字", "5G", "上云", "云计算", "信息", "软件", "互联网", "智慧城市",
                "城市大脑", "人工智能", "大模型", "集成电路", "芯片", "半导体", "晶圆", "电信", "通信",
                "智算", "机架"),
    "biomed": ("生物", "医药", "创新药", "制药", "诊断", "医疗器械", "疫苗", "药物", "生命科学"),
    "chemicals": ("石化", "化工", "化学", "乙烯", "炼化", "炼油", "化纤"),
    "materials": ("新材料", "材料", "石英", "钒钛", "碳纤维", "稀土", "合金", "复合材料"),
    "auto": ("汽车", "整车", "新能源车", "零部件", "车灯"),
    "equipment": ("装备", "机器人", "机械", "智能制造", "数控", "精密"),
    "trade": ("外贸", "进出口", "出口", "进口", "保税", "综保", "跨境", "口岸", "自贸"),
    "border-port": ("口岸", "通关", "出入境", "边贸", "互市"),
    "foreign-investment": ("外资", "外商"),
    "agriculture": ("粮食", "农田", "种业", "农产品", "农业", "高标准农田", "大棚", "果蔬", "茶园",
                    "农村居民", "农民增收"),
    "livestock": ("奶牛", "乳业", "奶源", "牧业", "畜牧", "养殖", "生猪", "肉牛", "存栏", "乳制品"),
    "forestry": ("造林", "绿化", "森林", "林地", "防沙", "治沙", "国土绿化", "公园"),
    "ecology": ("生态修复", "湿地", "海岸带", "海域", "岸线", "生态廊道", "生物多样性"),
    "air-quality": ("空气", "大气", "PM2.5", "PM10", "优良天数", "扬尘", "臭氧"),
    "waste": ("垃圾", "固废", "危废", "焚烧", "餐厨", "资源化利用"),
    "urban-renewal": ("城市更新", "老旧小区", "棚户区", "旧城", "片区更新", "管廊", "地下综合管廊",
                      "城中村", "背街小巷"),
    "parking": ("停车",),
    "housing": ("保障性住房", "保障房", "人才公寓", "租赁住房", "安置房", "住房"),
    # culture and tourism are one sector in the genre (文旅): a 文化街区 draws tourists
    "culture-tourism": ("旅游", "文旅", "景区", "度假", "游客", "民宿", "古镇", "古城", "古村", "夜游",
                        "文化街区", "历史街区", "风情街", "博物馆", "非遗"),
    "culture": ("文化", "博物馆", "图书馆", "书房", "剧院", "艺术", "非遗", "送戏"),
    "sport": ("体育", "运动", "健身", "场馆", "足球", "全民健身"),
    "talent": ("人才", "英才", "引才", "高层次", "博士", "院士", "技能"),
    "employment": ("就业", "创业", "岗位", "用工"),
    "innovation": ("研发", "实验室", "高新技术", "科创", "孵化", "众创", "研究院", "创新中心",
                   "新型研发机构", "技术攻关", "科技型", "创新联合体", "产学研"),
    "listing": ("上市", "北交所", "科创板", "创业板", "主板", "挂牌", "新三板"),
    "finance": ("基金", "贷款", "信贷", "金融", "融资", "银行", "保险", "担保", "结算", "人民币"),
    "investment-attraction": ("招商", "签约", "引进项目", "招引", "双招双引"),
    "consumption": ("消费", "零售", "商贸", "商圈", "步行街", "夜经济", "网络零售", "电商", "商业综合体",
                    "商业街", "购物中心", "首店"),
    "industrial-space": ("产业空间", "厂房", "产业园", "工业上楼", "产业用地", "载体"),
    "safety": ("安全生产", "事故", "消防", "应急", "隐患"),
    "food-safety": ("食品安全", "抽检", "食品"),
    "services": ("政务服务", "一网通办", "一件事", "营商环境", "办结", "审批", "免申即享", "网上可办"),
    "rural": ("乡村振兴", "美丽乡村", "集体经济", "农村", "村庄", "宜居乡村", "田园综合体"),
}

_CUES: tuple[tuple[str, str], ...] = tuple(
    (cue, topic) for topic, cues in TOPIC_CUES.items() for cue in cues
)


_CUES_BY_FIRST: dict[str, list[tuple[str, str]]] = {}  # only a cue opening with a character
for _cue, _topic in _CUES:  # of the text can be in it: a short text asks a few, not all
    _CUES_BY_FIRST.setdefault(_cue[0], []).append((_cue, _topic))


@lru_cache(maxsize=8192)
def topics(text: str) -> frozenset[str]:
    """The topics whose words occur in *text* (normalised, simplified)."""
    return frozenset(
        topic for ch in set(text) for cue, topic in _CUES_BY_FIRST.get(ch, ()) if cue in text
    )


def share_topic(a: str, b: str) -> bool:
    """Do *a* and *b* speak of at least one common topic?"""
    return bool(topics(a) & topics(b))
