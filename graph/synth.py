"""Synthetic planning reports in the genre, for scale tests and benchmarks.

Every report is invented (district, enterprises, projects, figures) and
deterministic: the same seed gives the same text. The shape follows the real
《…计划执行情况与…计划草案的报告》: a title with the district and the two years, a
——date line, 一、…执行情况 with a —— list of outcomes and 1./一是 task paragraphs,
二、…主要预期目标 with a —— list of targets, 三、…重点工作安排 with task
paragraphs, and a closing.

Example
-------
>>> text = generate(7)
>>> text == generate(7), "计划草案的报告" in text.splitlines()[2]
(True, True)
"""

from __future__ import annotations

import random
import re
from pathlib import Path

__all__ = ["generate", "write_corpus"]

_CN = "零一二三四五六七八九十"

_CITY_A = "临青澄云北南汇清永安泰宁平嘉丰梧桐榆柳岚沅潇"
_CITY_B = "漕岚江溪宁屿阳川泽州原山湖城陵浦"
_DISTRICTS = ("运河", "新北", "高新", "滨江", "东湖", "西陵", "北塘", "南湖", "城东", "经开",
              "金山", "玉泉", "长清", "双桥", "临港", "望湖", "柳营", "青枫")
_BRANDS = ("恒川", "华拓", "星宇", "瑞丰", "博远", "中澄", "汇能", "天晟", "海启", "润禾", "凯越",
           "鼎泰", "远航", "灵犀", "新曜", "同芯", "晶澜", "国拓", "安捷", "青禾")
_INDUSTRIES = ("新能源", "智能装备", "生物医药", "半导体", "新材料", "数字科技", "储能", "汽车电子",
               "光伏", "机器人")
_FIRM_SUFFIX = ("科技股份有限公司", "集团有限公司", "有限公司", "科技有限公司")
_PROJECT_KINDS = ("产业园", "智造基地", "科创中心", "研发中心", "生产线", "总部基地")
_WORKS = ("快速路改造工程", "大桥", "污水处理厂扩建工程", "人民医院新院区", "实验学校", "综合管廊",
          "城市更新片区", "生态湿地公园")
_AGENCIES = ("区发改委", "区工信局", "区科技局", "区财政局", "区住建局", "区生态环境局", "区商务局",
             "区教育局", "区人社局", "区交通运输局")
_THEMES = (("项目攻坚", "有效投资扩量提质"), ("产业强区", "现代化产业体系加快构建"),
           ("创新驱动", "发展新动能持续集聚"), ("改革开放", "发展活力不断增强"),
           ("城乡融合", "区域功能品质稳步提升"), ("民生福祉", "群众获得感持续增强"),
           ("生态环境", "绿色发展底色更加鲜明"), ("安全发展", "社会大局和谐稳定"))
_PLAN_STRATEGIES = ("新质生产力培育三年行动方案", "制造业智能化改造和数字化转型行动计划",
                    "促进民营经济高质量发展若干措施", "城市更新行动实施方案",
                    "科技创新券管理办法", "稳外贸稳外资十条措施")

# name, what it measures, unit of an amount (for 完成…), typical change (%)
_RATES = (("地区生产总值", "亿元", 6.0), ("一般公共预算收入", "亿元", 4.0),
          ("规模以上工业增加值", None, 7.0), ("全社会固定资产投资", None, 5.0),
          ("社会消费品零售总额", "亿元", 5.5), ("外贸进出口总额", "亿元", 3.0),
          ("城镇居民人均可支配收入", "元", 5.0), ("农村居民人均可支配收入", "元", 6.5),
          ("工业投资", None, 10.0), ("高新技术产业产值", "亿元", 9.0),
          ("服务业增加值", "亿元", 6.0), ("税收收入", "亿元", 4.5),
          ("数字经济核心产业增加值", "亿元", 12.0), ("战略性新兴产业产值", "亿元", 10.0),
          ("旅游总收入", "亿元", 8.0), ("农业总产值", "亿元", 3.5))
# name, unit, low, high, decimals
_LEVELS = (("研发经费投入强度", "%", 2.0, 4.5, 2), ("城镇新增就业", "万人", 0.8, 4.0, 2),
           ("空气质量优良天数比率", "%", 75.0, 92.0, 1), ("新签约亿元以上项目", "个", 40, 160, 0),
           ("新增高新技术企业", "家", 30, 220, 0), ("新增规上工业企业", "家", 15, 90, 0),
           ("新建改造城市道路", "公里", 10, 60, 1), ("新建保障性住房", "套", 800, 5000, 0),
           ("新增学位", "个", 1000, 9000, 0), ("城市更新面积", "万平方米", 20, 180, 1),
           ("实际使用外资", "亿美元", 0.5, 6.0, 2), ("技术合同成交额", "亿元", 10, 120, 1),
           ("新增市场主体", "万户", 0.5, 3.5, 2), ("新建5G基站", "个", 200, 1500, 0),
           ("人均公园绿地面积", "平方米", 11, 18, 1), ("新增省级专精特新企业", "家", 5, 60, 0))
# name, unit, low, high: a ceiling (以内, 不高于)
_CAPS = (("城镇调查失业率", "%", 4.5, 5.8), ("PM2.5平均浓度", "微克/立方米", 25, 40),
         ("居民消费价格涨幅", "%", 2.0, 3.5))


# What was done (review part) and what will be done (plan part), one clause each.
_REVIEW_CLAUSES = (
    "全年新签约亿元以上项目{40-150}个，其中10亿元以上项目{5-30}个，协议总投资达到{200-1200}亿元",
    "{firm}投资建设的{project}竣工投产，新增产值{5.0-80.0}亿元",
    "新增高新技术企业{30-200}家，{firm}获评国家级专精特新“小巨人”企业",
    "{project}完成投资{3.0-60.0}亿元，累计完成投资{60-200}亿元",
    "出台《{short}{strategy}》，全年兑现各类惠企资金{1.0-9.0}亿元，惠及企业{300-3000}余家",
    "新建改造城市道路{10.0-50.0}公里，实施城市更新项目{8-40}个",
    "开展补贴性职业技能培训{0.5-2.0}万人次，城乡居民基础养老金提高至每人每月{300-420}元",
    "{firm}全年营业收入突破{50-500}亿元，同比增长{5.0-30.0}%",
    "新增省级以上研发机构{5-30}家，技术合同成交额达到{20.0-150.0}亿元",
    "完成造林绿化{1000-8000}亩，空气质量优良天数比率达到{78.0-92.0}%",
)
_PLAN_CLAUSES = (
    "{cue}全年新签约亿元以上项目{60-180}个以上，其中10亿元以上项目不少于{8-30}个",
    "由{agency}牵头，{partners}配合，加快推进{project}建设，年内完成投资{3.0-40.0}亿元",
    "支持{firm}扩产增效，{cue}{project}年底前竣工投产",
    "新增省级以上研发机构不少于{5-25}家，技术合同成交额突破{20-150}亿元",
    "深入实施《{short}{strategy}》，实施智改数转项目{100-500}个以上",
    "新建{2-8}所学校，新增学位{1000-6000}个，新建保障性住房{500-3000}套",
    "{cue}PM2.5平均浓度控制在{25-35}微克/立方米以内，完成造林绿化{1000-8000}亩",
    "{firm}与{firm2}共建{industry}联合创新中心，预计带动投资{5.0-50.0}亿元",
    "新增城镇就业{0.8-3.0}万人以上，城镇调查失业率控制在{4.5-5.5}%以内",
    "{cue}社会消费品零售总额增长{4.0-8.0}%左右，新增限上商贸企业{30-120}家",
)
_RANGE = re.compile(r"\{(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)\}")


class _Writer:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        r = self.r
        self.city = r.choice(_CITY_A) + r.choice(_CITY_B) + "市"
        self.district = r.choice(_DISTRICTS) + "区"
        self.short = self.district[:-1]
        self.plan_year = r.randint(2019, 2030)
        self.review_year = self.plan_year - 1
        self.firms = [self._firm() for _ in range(12)]
        self.projects = [self._project() for _ in range(12)]

    # ---------------------------------------------------------------- pieces
    def num(self, low: float, high: float, decimals: int = 1) -> str:
        v = self.r.uniform(low, high)
        if decimals == 0:
            return str(int(round(v)))
        text = f"{v:.{decimals}f}".rstrip("0").rstrip(".")
        return text or "0"

    def rate(self, typical: float) -> str:
        return self.num(max(0.5, typical - 3), typical + 3, self.r.choice((0, 1, 1)))

    def _firm(self) -> str:
        r = self.r
        return (self.city[:2] + r.choice(_BRANDS) + r.choice(_INDUSTRIES)
                + r.choice(_FIRM_SUFFIX))

    def _project(self) -> str:
        r = self.r
        if r.random() < 0.5:
            return f"{r.choice(_BRANDS)}{r.choice(_INDUSTRIES)}{r.choice(_PROJECT_KINDS)}项目"
        return f"{self.short}{r.choice(_WORKS)}"

    @staticmethod
    def ordinal(n: int) -> str:
        """一 … 九十九, as headings count.

        >>> _Writer.ordinal(10), _Writer.ordinal(12), _Writer.ordinal(40)
        ('十', '十二', '四十')
        """
        if n <= 10:
            return _CN[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")

    # ---------------------------------------------------------------- outcomes
    def outcome_lines(self, n: int) -> list[str]:
        r = self.r
        rates = r.sample(_RATES, k=min(len(_RATES), n))
        levels = r.sample(_LEVELS, k=min(len(_LEVELS), n))
        lines = []
        for i in range(n):
            pick = r.random()
            name, amount_unit, typical = rates[i % len(rates)]
            pre = "预计" if r.random() < 0.4 else ""
            if pick < 0.3 and amount_unit:
                amount = self.num(50, 2500, 1) if amount_unit != "元" else self.num(28000, 76000, 0)
                lines.append(f"——{pre}{name}完成{amount}{amount_unit}，增长{self.rate(typical)}%"
                             f"{r.choice(('左右', ''))}；")
            elif pick < 0.5:
                a, b = r.sample(_RATES, 2)
                lines.append(f"——{pre}{a[0]}、{b[0]}分别增长{self.rate(a[2])}%、"
                             f"{self.rate(b[2])}%；")
            elif pick < 0.6:
                lines.append(f"——{name}同比下降{self.num(0.5, 6, 1)}%；")
            elif pick < 0.7:
                cap = r.choice(_CAPS)
                lines.append(f"——{cap[0]}{self.num(cap[2], cap[3], 1)}{cap[1]}；")
            else:
                lname, unit, low, high, dec = levels[i % len(levels)]
                verb = r.choice(("达到", "达", "", "完成"))
                lines.append(f"——{pre}{lname}{verb}{self.num(low, high, dec)}{unit}；")
        return lines

    # ---------------------------------------------------------------- targets
    def target_lines(self, n: int) -> list[str]:
        r = self.r
        rates = r.sample(_RATES, k=min(len(_RATES), n))
        lines = []
        for i in range(n):
            pick = r.random()
            name, amount_unit, typical = rates[i % len(rates)]
            cue = r.choice(("", "", "确保", "力争"))
            if pick < 0.3:
                cmp_ = r.choice(("以上", "左右", ""))
                lines.append(f"——{cue}{name}增长{self.rate(typical)}%{cmp_}；")
            elif pick < 0.4 and amount_unit == "亿元":
                lines.append(f"——{name}增长{self.rate(typical)}%左右，力争达到"
                             f"{self.num(100, 3000, 0)}亿元；")
            elif pick < 0.5:
                a, b = r.sample(_RATES, 2)
                lines.append(f"——{a[0]}、{b[0]}分别增长{self.rate(a[2])}%、{self.rate(b[2])}%以上；")
            elif pick < 0.6:
                cap = r.choice(_CAPS)
                word = r.choice(("控制在{v}{u}以内", "不高于{v}{u}"))
                lines.append(f"——{cap[0]}" + word.format(v=self.num(cap[2], cap[3], 1), u=cap[1])
                             + "；")
            elif pick < 0.67:
                lines.append(f"——{name}保持正增长；")
            elif pick < 0.72:
                lines.append(f"——单位地区生产总值能耗下降{self.num(2, 4, 1)}%以上；")
            else:
                lname, unit, low, high, dec = r.choice(_LEVELS)
                cmp_ = r.choice(("不少于{v}{u}", "{v}{u}以上", "突破{v}{u}", "超{v}{u}",
                                 "达到{v}{u}左右"))
                lines.append(f"——{cue}{lname}" + cmp_.format(v=self.num(low, high, dec), u=unit)
                             + "；")
        return lines

    # ---------------------------------------------------------------- tasks
    def fill(self, template: str) -> str:
        """Fill ``{firm}``-style names and ``{40-150}`` numbers (decimals as in the bounds)."""
        r = self.r

        def number(m: re.Match[str]) -> str:
            low, high = m.group(1), m.group(2)
            decimals = max(len(x.partition(".")[2]) for x in (low, high))
            return self.num(float(low), float(high), decimals)

        text = _RANGE.sub(number, template)
        firm, firm2 = r.sample(self.firms, 2)
        return text.format(
            firm=firm, firm2=firm2, project=r.choice(self.projects), short=self.short,
            agency=r.choice(_AGENCIES), partners="、".join(r.sample(_AGENCIES, 2)),
            cue=r.choice(("力争", "确保", "", "争取")), industry=r.choice(_INDUSTRIES),
            strategy=r.choice(_PLAN_STRATEGIES),
        )

    def paragraph(self, heading: str, templates: tuple[str, ...]) -> str:
        parts = [heading]
        picked = self.r.sample(templates, self.r.randint(2, 4))
        for i, template in enumerate(picked, 1):
            verb = self.r.choice(("加快落地", "提质增效", "持续深化", "扎实推进", "稳步提升"))
            parts.append(f"{self.ordinal(i)}是{self.r.choice(('项目', '产业', '创新', '民生'))}"
                         f"{verb}。{self.fill(template)}。")
        return "".join(parts)

    # ---------------------------------------------------------------- the report
    def report(self, size: int) -> str:
        r = self.r
        y0, y1 = self.review_year, self.plan_year
        month, day = r.randint(1, 2), r.randint(3, 25)
        term, session = r.randint(2, 6), r.randint(1, 5)
        head = [
            f"{self.city}{self.district}{y0}年国民经济和社会发展计划执行情况与{y1}年"
            "国民经济和社会发展",
            "",
            "计划草案的报告",
            "",
            f"——{y1}年{month}月{day}日在{self.city}{self.district}",
            "",
            f"第{self.ordinal(term)}届人民代表大会第{self.ordinal(session)}次会议上",
            "",
            f"{self.short}区发展和改革委员会",
            "",
            "各位代表：",
            f"受区人民政府委托，现将{self.district}{y0}年国民经济和社会发展计划执行情况与{y1}年国民经济和"
            f"社会发展计划草案提请区{self.ordinal(term)}届人大{self.ordinal(session)}次会议审议，"
            "并请区政协委员和其他列席人员提出意见。",
            "",
            f"一、{y0}年国民经济和社会发展计划执行情况",
            "",
            f"{y0}年，面对复杂多变的外部环境，全区上下坚持稳中求进工作总基调，经济运行总体平稳、"
            "稳中有进，区人大确定的主要预期目标基本实现。",
            "",
            "（一）主要指标完成情况",
            "",
        ]
        review_list = self.outcome_lines(r.randint(8, 12))
        plan_list = self.target_lines(r.randint(8, 12))
        themes = r.sample(_THEMES, k=len(_THEMES))
        review_tasks: list[str] = []
        plan_tasks: list[str] = []
        fixed = sum(len(x) for x in head + review_list + plan_list) + 900
        budget = max(0, size - fixed)
        i = 0
        while budget > 0 or i < 2:
            theme = themes[i % len(themes)]
            review = self.paragraph(f"{i + 1}.聚焦{theme[0]}，{theme[1]}。", _REVIEW_CLAUSES)
            heading = f"（{self.ordinal(i + 1)}）聚焦{theme[0]}，持续增强发展后劲。"
            plan = self.paragraph(heading, _PLAN_CLAUSES)
            review_tasks.append(review)
            plan_tasks.append(plan)
            budget -= len(review) + len(plan)
            i += 1
        lines = head + _spaced(review_list) + ["（二）重点工作推进情况", ""] + _spaced(review_tasks)
        lines += [
            "（三）存在的问题", "",
            "在肯定成绩的同时，我们也清醒地认识到，经济回升向好的基础仍不稳固，新兴产业规模偏小，"
            "民生保障仍有短板。", "",
            f"二、{y1}年国民经济和社会发展主要预期目标", "",
            f"综合考虑发展基础和宏观环境，建议{y1}年全区经济社会发展主要预期目标为：", "",
        ]
        lines += _spaced(plan_list)
        lines += [f"三、{y1}年重点工作安排", "", "围绕上述目标，重点抓好以下几个方面工作：", ""]
        lines += _spaced(plan_tasks)
        lines += [
            f"各位代表，新的一年，我们将在区委的坚强领导下，自觉接受区人大的监督，全力以赴完成全年"
            f"目标任务，为谱写{self.short}高质量发展新篇章作出新的更大贡献！",
            "",
        ]
        return "\n".join(lines)


def _spaced(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        out += [line, ""]
    return out


def generate(seed: int, size: int = 8000) -> str:
    """One synthetic report of about *size* characters; the same seed, the same text.

    Parameters
    ----------
    seed
        Picks the district, the years, the figures and the names.
    size
        Approximate length in characters (a real district report has 7,000–12,000).

    Examples
    --------
    >>> report = generate(2024, size=4000)
    >>> report.splitlines()[4].startswith("——")
    True
    """
    return _Writer(seed).report(size)


def write_corpus(out_dir: Path, n: int, *, seed: int = 0, size: int = 8000) -> list[Path]:
    """Write *n* synthetic reports ``synth-00000.txt`` … into *out_dir* (UTF-8).

    Examples
    --------
    >>> import tempfile
    >>> [p.name for p in write_corpus(Path(tempfile.mkdtemp()), 2, size=3000)]
    ['synth-00000.txt', 'synth-00001.txt']
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = out_dir / f"synth-{i:05d}.txt"
        p.write_text(generate(seed * 1_000_003 + i, size), encoding="utf-8")
        paths.append(p)
    return paths
