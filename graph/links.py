"""Which projects, enterprises and policies work towards which targets — and why.

Methods, strongest first, each with its confidence:

- ``SameSentence``: the name and the target share a sentence — 0.9 when they share a
  clause (between ，and ；); 0.7 when the name speaks of what the target measures (a
  shared word or topic: 推动县生活垃圾焚烧发电项目建成投运，新增生活垃圾日处理能力300吨),
  when a 力争/确保 after the name introduces the target as the goal of what comes
  before (推动“1115”大企业上台阶，…，力争规上工业产值超4000亿元), when a policy is one of
  the programmes the sentence opens with (深化“运河英才计划”，全年引进高层次人才团队60个以上),
  when a company's clause opens markets abroad and the target is foreign trade, or when the
  name is the means of its clause and the target the next clause (or the means the sentence
  opens with) (依托顺畅供应链拓展日韩冷链航线，
  港口货物吞吐量达到6000万吨), or when the sentence's run of targets follows the name's clause
  directly (推动克恩霍夫华南研发制造基地6月底前竣工投产，智能装备产业产值增长15%以上) — not a
  company written as the builder of a work, a work only being prepared, a study as the target,
  or a name about another topic than the target; 0.45 otherwise (a name in a list of works
  that a later task of the sentence does not speak of).
- ``Cue``: 0.7 when a sentence with no target of its own names the means of its task item
  (以省“双创计划”、市“龙城英才计划”等各级各类计划为抓手，…培育一流的…人才) and a later target of
  the item speaks of what the sentence does (引育各类人才不少于2.8万人); 0.45 when the name's
  sentence says how it works towards a target (依托, 推动…实现, 围绕, 带动) and the target
  follows in the next sentence of the same task item.
- ``SameTaskItem`` (0.4): both sit in the same numbered task item (一是…, 1.…); a
  （一）… paragraph of the plan is too wide for this unless they share a word.
- ``ThemeMatch`` (0.3): the name's sentence names the target's indicator.

A cue or a shared task item rises to 0.45, above the bare item, when the name speaks
of what the target measures: a word they share (双井乡高效节水灌溉工程,
新增高效节水灌溉面积), or a named project under way and a count of the projects or
investment of the item — not a project abroad, and a zone's count only for the zone's
projects. Gold annotators of different reports disagree on that last kind, so it stays
below the default. Two things
lower a link to 0.3: a target that names its own subject (确保晟源能源营业收入突破130亿元
belongs to 晟源能源), and a name written inside a longer one (东泓石化 in
东泓石化百万吨级乙烯项目 speaks through the project).

The confidences were set from the gold links of the development reports (see the
README). Tables show links at or above :data:`DEFAULT_CONFIDENCE` unless asked otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from graph.cues import STRENGTH_CUES
from graph.document import Document, Section, Sentence
from graph.entity_cues import COUNTRIES, FIXED_POLICIES
from graph.facts import Entity, Fact, Mention, ReportFacts, Span, Support
from graph.spans import SpanIndex
from graph.topics import share_topic, topics

__all__ = ["DEFAULT_CONFIDENCE", "METHODS", "link_supports"]

METHODS: dict[str, float] = {"SameSentence": 0.9, "Cue": 0.45, "SameTaskItem": 0.4,
                             "ThemeMatch": 0.3}
SENTENCE_GOAL = 0.7  # same sentence: a shared topic, a goal cue, or a policy at its head
SENTENCE_OTHER = 0.45  # same sentence, anywhere else
ITEM_TOPIC = 0.45  # same task item (or a cue) and a shared word: ranked above the rest, below the default
OTHER_SUBJECT = 0.3  # the target names another thing as its subject
DEFAULT_CONFIDENCE = 0.5
SOURCE_TYPES = ("Project", "Enterprise", "Policy")
LINK_CUES = ("依托", "推动", "带动", "围绕", "助力", "通过", "借助", "发挥", "支撑", "促进")
_CLAUSE_BREAKS = "，,；;。"
_STRONG_CUES = tuple(cue for cue, strength in STRENGTH_CUES.items()
                     if strength in ("Firm", "Aspirational"))

# Two characters that say nothing of a topic (every project is built, every item develops).
_GENERIC_BIGRAMS = frozenset(("项目", "工程", "建设", "新增", "新建", "改造", "全年", "企业", "产业",
                              "发展", "实施", "推进", "完成", "二期", "一期", "三期", "中心", "基地",
                              "安全", "核心", "总数", "年度", "计划", "能力", "达到", "提高"))
# A project under way is one of those a count of projects or investment counts:
# 安排区级重点项目140个，年度计划投资320亿元，确保恒川…项目一期…竣工投产
_PROJECT_AGGREGATES = ("项目", "投资")
# ... unless the count is of projects still to be won (引进10亿元以上项目12个), the
# project is only being prepared (加快…机场选址报批), or the count is of projects to
# start and this one is not said to start (其中新开工项目不少于110个).
_NEW_PROJECT_CUES = ("引进", "签约", "招引", "引资", "招商", "列入", "争取", "储备", "谋划")
_COUNTRIES = frozenset(COUNTRIES)
_NATIONAL_STRATEGIES = frozenset(FIXED_POLICIES)
# a company's clause that opens markets abroad speaks of foreign trade
_EXPORT_RE = re.compile(r"(?:开拓|拓展|开辟|抢占|深耕)[^，。；]{0,24}市场|国际市场|海外市场|境外市场|出口")
# a company written as the agent of a work the clause is about (某项目由某公司负责建设, 交由某公司运营)
_AGENT_BEFORE_RE = re.compile(r"由$|由[^，,；;。]{2,24}负责[^，,；;。、]{0,4}、$")
_AGENT_WORDS = ("负责", "建设的", "运营的")
_PRELIMINARY_CUES = ("前期", "选址", "报批", "谋划", "储备", "规划研究", "论证")
# a name written as the means of what follows: 依托顺畅供应链拓展日韩冷链航线，港口货物吞吐量…;
# 以省“双创计划”、市“龙城英才计划”等各级各类计划为抓手，…
_MEANS_BEFORE_RE = re.compile(r"(?:依托|借助|凭借)[^，,；;。]*$")
_MEANS_OPEN_RE = re.compile(r"以[^，,；;。]*$")
_MEANS_CLOSE_RE = re.compile(r"[^，,；;。]*?为(?:抓手|载体|牵引|依托|支撑)")


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found where any of *words* is: one scan in C, where ``any(w in text …)``
    runs a generator over the words (tested thousands of times, on short texts)."""
    return re.compile("|".join(re.escape(w) for w in words))


_LINK_CUES_RE = _any_of(LINK_CUES)
_STRONG_CUES_RE = _any_of(_STRONG_CUES)
_PROJECT_AGGREGATES_RE = _any_of(_PROJECT_AGGREGATES)
_NEW_PROJECT_CUES_RE = _any_of(_NEW_PROJECT_CUES)
_PRELIMINARY_CUES_RE = _any_of(_PRELIMINARY_CUES)


def link_supports(rf: ReportFacts) -> list[Support]:
    """Links from every Project/Enterprise/Policy mention of the plan part to targets."""
    doc = rf.document
    assert isinstance(doc, Document)
    return _Linker(doc, rf).supports()


def _sentence_mention(doc: Document, sent: Sentence) -> Mention:
    quote = doc.text[sent.start : sent.end]
    span = Span(sent.start, sent.end)  # one (frozen) object for both: the same offsets
    return Mention(span, quote, quote.strip(), span)


def _span_order(span: Span) -> tuple[int, int]:
    """A span's place in text order as a tuple: sorting compares tuples in C, where Span's own
    ordering (the same) calls a generated method per comparison."""
    return span.start, span.end


@lru_cache(maxsize=16384)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) - _GENERIC_BIGRAMS


_ADMIN_SUFFIXES = ("省", "市", "区", "县", "镇", "乡", "街道", "自治州", "盟", "旗")
# zones whose kind says what is done there, not only where: 综合保税区 and 综保区进出口额,
# 古港文化街区 and 旅游总收入 (a 开发区 or a 片区 says only where)
_THEMED_ZONES = ("保税区", "综保区", "自贸区", "度假区", "街区", "景区", "作业区", "古镇")


def _short(place: str) -> str:
    """The name a place goes by without its level.

    >>> _short("常州市新北区"), _short("松溪市"), _short("白杨河镇")
    ('新北', '松溪', '白杨河')
    """
    for suffix in sorted(_ADMIN_SUFFIXES, key=len, reverse=True):
        if place.endswith(suffix):
            place = place[: -len(suffix)]
            break
    for suffix in ("省", "市"):  # a district written after its city: 常州市新北
        head, sep, tail = place.partition(suffix)
        if sep and len(tail) >= 2:
            place = tail
    return place


class _Linker:
    """One report's links: where its targets stand, what they name, what its names are about."""

    def __init__(self, doc: Document, rf: ReportFacts) -> None:
        self.doc = doc
        self.targets = [f for f in rf.facts if f.kind == "target" and f.mention is not None]
        self.sources = [e for e in rf.entities if e.type in SOURCE_TYPES]
        # the names of administrative places say where, not what: 松溪算力中心 and
        # 松溪经济技术开发区规上工业产值 share 松溪 and nothing else (a river's name is kept:
        # 德胜河航道整治 and 完成德胜河4个作业区规划研究 speak of the same river)
        places = {n for e in rf.entities if e.type == "Place" for n in (e.name, *e.aliases)
                  if n.endswith(_ADMIN_SUFFIXES) and not n.endswith(_THEMED_ZONES)}
        if doc.jurisdiction:
            places.add(doc.jurisdiction)
        places |= {_short(p) for p in places}
        self.places = sorted((p for p in places if len(p) >= 2), key=lambda p: (-len(p), p))
        # where each named thing is written: a name inside another's speaks through it
        self.written = SpanIndex(m.span for e in self.sources for m in e.mentions)
        self._policy_starts = sorted({m.span.start for e in self.sources if e.type == "Policy"
                                      for m in e.mentions})
        self._names_by_head: dict[str, list[str]] = {}  # the names by their first two characters
        # (not a national strategy: 对“一带一路”沿线国家进出口额 is framed by it, not its target)
        for name in sorted({n for e in self.sources if e.name not in _NATIONAL_STRATEGIES
                            for n in (e.name, *e.aliases) if len(n) >= 2}):
            self._names_by_head.setdefault(name[:2], []).append(name)
        # where each project is, by the report's own words: a project abroad (瀚岫光电越南生产基地)
        # is none of the district's projects, and a zone's investment counts the zone's projects
        self.located: dict[str, set[str]] = {}
        for r in rf.relations:
            if r.predicate == "locatedIn" and r.subject[0] == "Project":
                self.located.setdefault(r.subject[1], set()).add(r.object[1])
        self.zones = sorted({e.name for e in rf.entities if e.type == "Place" and len(e.name) >= 2
                             and not e.name.endswith(_ADMIN_SUFFIXES)}, key=lambda p: (-len(p), p))
        self._measures: dict[int, str] = {}
        self._target_sentences: set[int] = set()  # where targets stand (set in supports)
        self._target_clauses: dict[int, set[int]] = {}  # by sentence start: its clauses with targets
        self._clauses: dict[int, list[int]] = {}
        # a mention is weighed against many targets: its words and its clause, once each
        self._stripped: dict[str, str] = {}
        self._clause_at: dict[tuple[int, int], str] = {}
        self._about: dict[tuple[str, str], str] = {}
        self._cued: dict[int, bool] = {}

    # --- the words --------------------------------------------------------------
    def _strip_places(self, text: str) -> str:
        stripped = self._stripped.get(text)
        if stripped is None:
            stripped = text
            for p in self.places:
                if p in stripped:
                    stripped = stripped.replace(p, "|")
            self._stripped[text] = stripped
        return stripped

    def about(self, entity: Entity, m: Mention) -> str:
        """The words a name is known by — as written here, and its full name — without places."""
        key = (m.quote, entity.name)  # two strings whose hashes are known: no new string hashed
        found = self._about.get(key)
        if found is None:
            words = m.quote if m.quote == entity.name else f"{m.quote}|{entity.name}"
            found = self._about[key] = self._strip_places(words)
        return found

    def measures(self, t: Fact) -> str:
        """What a target measures: its indicator and its clause (完成德胜河4个作业区规划研究),
        unless the clause is a list of targets (…产值分别达到…), which says too much."""
        cached = self._measures.get(id(t))
        if cached is not None:
            return cached
        assert t.mention is not None
        words = t.indicator
        tsent = self.doc.sentence_at(t.mention.span.start)
        clause = "" if tsent is None else self.clause_of(tsent, t.mention.span.start)
        if "分别" not in clause:
            words = f"{words}|{clause}"
        self._measures[id(t)] = words = self._strip_places(words)
        return words

    def named_subjects(self, t: Fact) -> frozenset[str]:
        """The names of the things a target's own words name (its subject), if any."""
        assert t.mention is not None
        words = self.doc.norm[t.mention.span.start : t.mention.span.end]
        return frozenset(name for i in range(len(words) - 1)
                         for name in self._names_by_head.get(words[i : i + 2], ())
                         if words.startswith(name, i) and not _MEANS_BEFORE_RE.search(words, 0, i))

    def opening_policies(self, sent: Sentence, starts: list[int], upto: int) -> bool:
        """Does every clause of *sent* up to clause *upto* name a policy (the run of
        programmes a sentence opens with)?"""
        lo = bisect_right(self._policy_starts, sent.start - 1)
        named = {bisect_right(starts, p) - 1 for p in self._policy_starts[lo:]
                 if p < sent.end}
        return all(i in named for i in range(upto + 1))

    def inside_another(self, span: Span) -> bool:
        """Is *span* strictly inside the written name of another thing?"""
        return self.written.inside_another(span)

    def means(self, sent: Sentence, m: Mention, clause_start: int) -> bool:
        """Is the mention *m* written as the means of its clause (依托…, 借助…, 以…为抓手)?"""
        norm = self.doc.norm
        before = norm[clause_start : m.span.start]
        if _MEANS_BEFORE_RE.search(before):
            return True
        return bool(_MEANS_OPEN_RE.search(before) and _MEANS_CLOSE_RE.match(norm, m.span.end, sent.end))

    # --- the structure ----------------------------------------------------------
    def item(self, offset: int, sec: Section | None = None) -> tuple[int, int] | None:
        """The task item holding *offset* and its level: the deepest numbered section below
        the top level (一是…, 1.…, or a （一）… paragraph of the plan). *sec*, when given, is
        the section at *offset*, already looked up."""
        if sec is None:
            sec = self.doc.section_at(offset)
        if sec is None or sec.level < 2:
            return None
        return sec.index, sec.level

    def clauses(self, sent: Sentence) -> list[int]:
        """Start offsets of the clauses of a sentence."""
        found = self._clauses.get(sent.start)
        if found is None:
            norm = self.doc.norm
            found = [sent.start] + [i + 1 for i in range(sent.start, sent.end - 1)
                                    if norm[i] in _CLAUSE_BREAKS]
            self._clauses[sent.start] = found
        return found

    def clause_start(self, sent: Sentence, offset: int) -> int:
        starts = self.clauses(sent)
        return starts[bisect_right(starts, offset) - 1]

    def has_targets(self, sent: Sentence) -> bool:
        """Does *sent* state a target of its own?"""
        return sent.start in self._target_sentences

    def sentence_speaks_of(self, sent: Sentence, m: Mention, t: Fact) -> bool:
        """Do the words of *sent* other than the name *m* speak of what *t* measures?"""
        norm = self.doc.norm
        words = self._strip_places(norm[sent.start : m.span.start] + "|" + norm[m.span.end : sent.end])
        measures = self.measures(t)
        return not _bigrams(words).isdisjoint(_bigrams(measures)) or share_topic(words, measures)

    def clause_of(self, sent: Sentence, offset: int) -> str:
        """The clause of *sent* holding *offset*, with the one before when it opens with 其中."""
        clause = self._clause_at.get((sent.start, offset))
        if clause is not None:
            return clause
        starts = self.clauses(sent)
        i = bisect_right(starts, offset) - 1
        end = starts[i + 1] if i + 1 < len(starts) else sent.end
        clause = self.doc.norm[starts[i] : end]
        if clause.startswith("其中") and i > 0:
            clause = self.doc.norm[starts[i - 1] : end]
        self._clause_at[(sent.start, offset)] = clause
        return clause

    # --- the reasons ------------------------------------------------------------
    def one_of_the_projects(self, entity: Entity, clause: str, t: Fact, tsent: Sentence,
                            measures: str) -> bool:
        """Is the project *entity*, written in *clause*, one of those a target of projects or
        investment counts? Not a project abroad, and a zone's count (北塘新城全年完成投资)
        counts only the zone's projects."""
        if not _PROJECT_AGGREGATES_RE.search(measures):
            return False
        assert t.mention is not None
        target_clause = self.clause_of(tsent, t.mention.span.start)
        if _NEW_PROJECT_CUES_RE.search(target_clause):
            return False
        if _PRELIMINARY_CUES_RE.search(clause):
            return False
        if "开工" in measures and "开工" not in clause:
            return False
        where = self.located.get(entity.name, set())
        if any(p in _COUNTRIES for p in where):
            return False
        zone = next((z for z in self.zones if z in target_clause), None)
        return zone is None or zone in entity.name or zone in where

    def counted(self, entity: Entity, m: Mention, clause: str, t: Fact, tsent: Sentence) -> bool:
        """Does a count of projects or investment (of its kind, if it names one: 城市更新项目,
        技改项目) count the named project?"""
        measures = self.measures(t)
        if not self.one_of_the_projects(entity, clause, t, tsent, measures):
            return False
        return share_topic(self.about(entity, m), measures) or not _kind_of_project(measures)

    def same_topic(self, entity: Entity, m: Mention, t: Fact, tsent: Sentence, clause: str,
                   *, broad: bool) -> bool:
        """Does the target measure what the name is about: a shared word, a shared topic
        (:mod:`graph.topics`, when *broad*), or a project and a count of projects?"""
        name, measures = self.about(entity, m), self.measures(t)
        if not _bigrams(name).isdisjoint(_bigrams(measures)):  # no set built to be tested
            return True
        if broad and share_topic(name, measures):
            return True
        return broad and entity.type == "Project" and self.counted(entity, m, clause, t, tsent)

    def same_sentence(self, sent: Sentence, m: Mention, t: Fact, entity: Entity) -> float:
        assert t.mention is not None
        starts = self.clauses(sent)
        mine = bisect_right(starts, m.span.start) - 1
        # a target's evidence may begin with its list's subject: take where its figure is
        theirs = bisect_right(starts, max(t.mention.span.start, t.mention.span.end - 1)) - 1
        if mine == theirs:
            return METHODS["SameSentence"]
        if entity.type == "Enterprise" and _AGENT_BEFORE_RE.search(self.doc.norm, starts[mine], m.span.start):
            # 某街区二期由市文旅公司负责建设，全市接待游客…: the work speaks, its builder through it
            return SENTENCE_OTHER
        if mine < theirs and entity.type == "Policy" and self.opening_policies(sent, starts, mine):
            # 深化“运河英才计划”，全年引进高层次人才团队60个以上，…; 深入实施《…方案》，推进
            # “千企焕新”工程，全年实施智改数转项目350个以上: the programmes the sentence opens with
            return SENTENCE_GOAL
        clause = self.clause_of(sent, m.span.start)
        if mine > theirs and not (entity.type == "Project" and self.counted(entity, m, clause, t, sent)):
            # a name after the target shares its topic only (新建5G基站600个，…共建…算力开放创新平台):
            # what the sentence goes on to do is no means of what it has already stated; a project
            # under way still counts in the projects or investment stated before it
            if entity.type != "Enterprise" or not _EXPORT_RE.search(clause):
                return SENTENCE_OTHER
        if self.same_topic(entity, m, t, sent, clause, broad=True):
            return SENTENCE_GOAL
        if entity.type == "Enterprise" and _EXPORT_RE.search(clause) and "trade" in topics(self.measures(t)):
            return SENTENCE_GOAL  # 支持溪岳鞋服开拓巴西、阿联酋等新兴市场，外贸进出口总额增长5%以上
        if (theirs == mine + 1 or mine == 0 < theirs) and self.means(sent, m, starts[mine]):
            # 依托顺畅供应链拓展日韩冷链航线，港口货物吞吐量达到6000万吨; a means the sentence opens
            # with frames all of it (依托某基地，推动某项目建成投产，实现新增产能60万吨)
            return SENTENCE_GOAL
        if mine < theirs and t.strength in ("Firm", "Aspirational"):
            before = self.doc.norm[m.span.end : t.mention.span.end]
            if _STRONG_CUES_RE.search(before):
                return SENTENCE_GOAL
        if mine < theirs and self.leads_to(sent, mine, theirs) and self.acts_in(entity, m, sent, clause, t):
            return SENTENCE_GOAL  # 推动克恩霍夫华南研发制造基地6月底前竣工投产，…产值增长15%以上
        return SENTENCE_OTHER

    def leads_to(self, sent: Sentence, mine: int, theirs: int) -> bool:
        """Do the clauses after clause *mine* up to clause *theirs* all state targets — the
        sentence's run of targets follows the clause directly (做某事，目标一，目标二)?"""
        held = self._target_clauses.get(sent.start)
        return held is not None and all(i in held for i in range(mine + 1, theirs + 1))

    def acts_in(self, entity: Entity, m: Mention, sent: Sentence, clause: str, t: Fact) -> bool:
        """Is the name *m* what its clause acts on, towards a target of no other topic? Not a
        company written as the builder or operator of a work (由某公司负责建设, 某公司建设的…:
        the work speaks), not work that is only being prepared (前期, 选址), and not a name
        about another topic than the target (汀兰湖生态修复工程二期 and 空气质量优良天数比例).
        A target of preparing work (完成德胜河4个作业区规划研究) is no goal of the works before it.
        *sent* is the sentence both stand in, *clause* the name's clause."""
        if entity.type == "Enterprise" and (
                "由" in clause[: max(0, clause.find(m.quote))] or any(w in clause for w in _AGENT_WORDS)):
            return False
        assert t.mention is not None
        target_clause = self.clause_of(sent, t.mention.span.start)
        if any(w in clause or w in target_clause for w in _PRELIMINARY_CUES):
            return False
        return not self.other_topic(entity, m, t)

    def other_topic(self, entity: Entity, m: Mention, t: Fact) -> bool:
        """Do the name and the target each speak of a topic, and of none in common (汀兰湖生态
        修复工程二期 and 空气质量优良天数比例)? A name with no topic may serve any target."""
        name, measures = topics(self.about(entity, m)), topics(self.measures(t))
        return bool(name and measures and not name & measures)

    def has_link_cue(self, sent: Sentence, text: str) -> bool:
        """Does *sent* (whose words are *text*) write a link cue (依托, 带动 …)? Once a sentence:
        each of its names is weighed against many targets."""
        found = self._cued.get(sent.start)
        if found is None:
            found = self._cued[sent.start] = _LINK_CUES_RE.search(text) is not None
        return found

    def follows(self, sent: Sentence, tsent: Sentence) -> bool:
        """Does *tsent* come right after *sent*? (Asked only of a sentence with a link cue.)"""
        # the document's own sentences, one object each: identity is equality
        return 0 < tsent.start - sent.end <= 2 or self.doc.sentence_at(sent.end) is tsent

    def method(self, entity: Entity, m: Mention, sent: Sentence, text: str,
               item: tuple[int, int] | None, t: Fact, tsent: Sentence,
               titem: tuple[int, int] | None) -> tuple[str, float] | None:
        """The strongest reason linking the mention *m* (in *sent*, whose words are *text*,
        in task *item*) to *t*. Its evidence is the sentence (or both sentences)."""
        if tsent.start == sent.start:
            return "SameSentence", self.same_sentence(sent, m, t, entity)
        if item is not None and item == titem:
            clause = self.clause_of(sent, m.span.start)
            # a shared word, or a named project under way and the item's count or investment
            # of projects (gold annotators disagree on the latter, so it stays below the default)
            topical = (self.same_topic(entity, m, t, tsent, clause, broad=False)
                       or entity.type == "Project" and self.counted(entity, m, clause, t, tsent))
            if (tsent.start > sent.start and not self.has_targets(sent)
                    and self.means(sent, m, self.clause_start(sent, m.span.start))
                    and self.sentence_speaks_of(sent, m, t)):
                # 以省“双创计划”…等各级各类计划为抓手，…吸引和培育一流的…人才 … 引育各类人才不少于2.8万人
                return "Cue", SENTENCE_GOAL
            if self.has_link_cue(sent, text) and self.follows(sent, tsent):
                return "Cue", ITEM_TOPIC if topical else METHODS["Cue"]
            if topical:
                return "SameTaskItem", ITEM_TOPIC
            if item[1] >= 3:  # a （一） paragraph is too wide to pair everything in it
                return "SameTaskItem", METHODS["SameTaskItem"]
        if t.indicator and len(t.indicator) >= 3 and t.indicator in text:
            return "ThemeMatch", METHODS["ThemeMatch"]
        return None

    def supports(self) -> list[Support]:
        doc = self.doc
        best: dict[tuple[tuple[str, str], int], Support] = {}
        # where each target stands, computed once: its sentence, its task item, its subject
        placed = []
        for i, t in enumerate(self.targets):
            assert t.mention is not None
            tsent = doc.sentence_at(t.mention.span.start)
            if tsent is not None:
                placed.append((i, t, tsent, self.item(t.mention.span.start), self.named_subjects(t)))
                where = max(t.mention.span.start, t.mention.span.end - 1)  # where its figure is
                self._target_clauses.setdefault(tsent.start, set()).add(
                    bisect_right(self.clauses(tsent), where) - 1)
        self._target_sentences = {tsent.start for _i, _t, tsent, _titem, _named in placed}
        # a mention is weighed only against the targets it has a reason to support: those of
        # its sentence, of its task item, or whose indicator its sentence writes (ThemeMatch)
        by_sentence: dict[int, list[int]] = {}
        by_item: dict[tuple[int, int], list[int]] = {}
        for k, (_i, _t, tsent, titem, _named) in enumerate(placed):
            by_sentence.setdefault(tsent.start, []).append(k)
            if titem is not None:
                by_item.setdefault(titem, []).append(k)
        themes = [(k, t.indicator) for k, (_i, t, *_rest) in enumerate(placed) if len(t.indicator) >= 3]
        themed: dict[int, list[int]] = {}  # by sentence start: the targets its words name
        quoted: dict[int, Mention] = {}  # by sentence start: the sentence as evidence, made once

        def evidence_of(s: Sentence) -> Mention:
            found = quoted.get(s.start)
            if found is None:
                found = quoted[s.start] = _sentence_mention(doc, s)
            return found

        for entity in self.sources:
            source = (entity.type, entity.name)
            names = {entity.name, *entity.aliases}
            for m in _all_mentions(doc, entity):
                if self.inside_another(m.span):
                    continue
                sec = doc.section_at(m.span.start)  # once, for the period and the task item
                period, _year = doc.period_of(sec)
                sent = doc.sentence_at(m.span.start)
                if period != "plan" or sent is None:
                    continue
                item = self.item(m.span.start, sec)
                text = doc.norm[sent.start : sent.end]
                if sent.start not in themed:
                    themed[sent.start] = [k for k, indicator in themes if indicator in text]
                candidates = {*by_sentence.get(sent.start, ()), *themed[sent.start]}
                if item is not None:
                    candidates.update(by_item.get(item, ()))
                for k in sorted(candidates):  # in the targets' order, as before
                    i, t, tsent, titem, named = placed[k]
                    found = self.method(entity, m, sent, text, item, t, tsent, titem)
                    if found is None:
                        continue
                    method, confidence = found
                    if named and not names & named:
                        confidence = min(confidence, OTHER_SUBJECT)
                    old = best.get((source, i))
                    if old is None or confidence > old.confidence:
                        evidence = [evidence_of(sent)]
                        if tsent.start != sent.start:
                            evidence.append(evidence_of(tsent))
                        best[(source, i)] = Support(source, t, method, confidence, evidence)
        return sorted(best.values(), key=lambda s: (
            s.target.mention.span.start if s.target.mention else 0, s.source))


def _kind_of_project(measures: str) -> bool:
    """Does a count of projects name their kind (实施城市更新项目30个, 全年实施技改项目50个)?"""
    head = measures.split("项目")[0] if "项目" in measures else ""
    return bool(topics(head)) or any(w in head for w in _PROJECT_KINDS)


# kinds of project a count may name without a topic of graph.topics
_PROJECT_KINDS = ("技改", "技术改造", "智改数转", "民生", "招商", "外资", "产业")


def _all_mentions(doc: Document, entity: Entity) -> list[Mention]:
    """The entity's mentions plus every other place its name or an alias is written."""
    # keyed by (start, end): a tuple hashes and compares in C, a Span by generated methods
    out = {_span_order(m.span): m for m in entity.mentions}
    for name in {entity.name} | set(entity.aliases):
        if len(name) < 2:
            continue
        pos = doc.norm.find(name)
        while pos != -1:
            end = pos + len(name)
            if (pos, end) not in out and not any(s <= pos < e for s, e in out):
                sent = doc.sentence_at(pos)
                if sent is not None:
                    out[(pos, end)] = Mention(Span(pos, end), doc.text[pos:end],
                                              doc.text[sent.start : sent.end].strip(),
                                              Span(sent.start, sent.end))
            pos = doc.norm.find(name, pos + 1)
    return [out[k] for k in sorted(out)]
