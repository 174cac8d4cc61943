"""Recognition rules seen first in a new report of the genre (a county in Fujian): a Chinese
sentence in, the expected names and links out. The names are invented and differ from the
report's, so that the rules, not the names, are what is tested."""

from __future__ import annotations

from test_entities import extract, links, names

COUNTY = "榕屿市青溪县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"


def test_a_port_area_of_a_named_port_is_one_place_with_its_short_form() -> None:
    body = "鹭州港青屿港区3号泊位建成投用，青屿港区全年货物吞吐量增长8%。推进青屿港区疏港公路建设。"
    assert "鹭州港青屿港区" in names(body, "Place", COUNTY)
    assert "青屿港区" not in names(body, "Place", COUNTY)  # the short form joins the full one
    assert ("青屿港区疏港公路", "鹭州港青屿港区") in links(body, "locatedIn", COUNTY)
    assert ("鹭州港青屿港区3号泊位", "鹭州港青屿港区") in links(body, "locatedIn", COUNTY)


def test_a_district_ending_like_a_port_area_keeps_its_relations() -> None:
    head = "鲸湾市海港区2021年国民经济和社会发展计划执行情况与2022年计划草案的报告\n各位代表：\n"
    assert ("海港区海洋产业投资基金", "鲸湾市海港区") in links(
        "海港区海洋产业投资基金完成募资。", "locatedIn", head
    )


def test_inclusion_in_a_list_ends_a_name() -> None:
    body = "争取省交通运输厅将青屿港区疏港公路纳入省级补助项目。"
    found = names(body, "Project", COUNTY)
    assert "青屿港区疏港公路" in found
    assert not {n for n in found if "纳入" in n}


def test_rivers_listed_with_a_known_river_are_places() -> None:
    body = "兰溪流域综合治理一期完工，梅溪、兰溪、凤尾溪全面消除劣Ⅴ类水体。"
    assert {"梅溪", "兰溪", "凤尾溪"} <= names(body, "Place", COUNTY)
    body = "青川河出境断面水质达到Ⅲ类，青川河、白石河全面消除劣Ⅴ类水体。"
    assert {"青川河", "白石河"} <= names(body, "Place", COUNTY)


def test_a_river_named_like_a_town_stays_apart_from_the_town() -> None:
    body = "兰溪流域综合治理一期完工。兰溪镇白沙村入选示范村。"
    found = names(body, "Place", COUNTY)
    assert {"兰溪流域", "兰溪镇", "白沙村"} <= found
    assert "兰溪" not in found  # the river's name stands only inside longer names here
    assert ("白沙村", "兰溪镇") in links(body, "locatedIn", COUNTY)


def test_a_list_without_a_known_river_names_no_river() -> None:
    assert not {"梅溪", "凤尾溪"} & names("梅溪、凤尾溪两个社区完成改造。", "Place", COUNTY)


def test_economic_and_coordinated_development_regions_are_places() -> None:
    body = "主动融入赣东南协同发展区和淮海经济区建设，支持企业在各经济区开展合作。"
    found = names(body, "Place", COUNTY)
    assert {"赣东南协同发展区", "淮海经济区"} <= found
    assert not {n for n in found if n.endswith("经济区") and n != "淮海经济区"}


def test_a_zone_s_park_named_by_a_place_is_one_place() -> None:
    body = "德国某精工集团投资的精密轴承项目落户鹭州高新区青溪园。"
    assert "鹭州高新区青溪园" in names(body, "Place", COUNTY)
    assert ("精密轴承项目", "鹭州高新区青溪园") in links(body, "locatedIn", COUNTY)
    assert not names("推动高新区产业园建设。", "Place", COUNTY) & {"高新区产业园"}


def test_a_short_company_name_may_end_in_a_consumer_trade() -> None:
    body = "云雾茶业入选省级农业产业化重点龙头企业，支持云雾茶业建设白沙镇生态茶园。"
    assert "云雾茶业" in names(body, "Enterprise", COUNTY)
    assert "云雾鞋业" in names("云雾鞋业获评省级品牌培育企业。", "Enterprise", COUNTY)


def test_sole_and_joint_developers_implement_the_work() -> None:
    body = "日本某精工株式会社独资建设的精密轴承项目落户园区。"
    assert ("精密轴承项目", "日本某精工株式会社") in links(body, "implementedBy", COUNTY)
    body = "中国某建设集团有限公司与青溪县城市建设投资集团有限公司合作开发的青溪海上风电场一期项目并网。"
    assert {
        ("青溪海上风电场一期项目", "中国某建设集团有限公司"),
        ("青溪海上风电场一期项目", "青溪县城市建设投资集团有限公司"),
    } <= links(body, "implementedBy", COUNTY)


BANNER_CITY = "赛罕市2020年国民经济和社会发展计划执行情况与2021年计划草案的报告\n各位代表：\n"


def test_banners_sumu_and_their_governments_are_places_and_agencies() -> None:
    body = "乌力吉旗、图门旗新增牧民合作社12家。由乌力吉旗人民政府负责推进牧草基地建设。"
    assert {"乌力吉旗", "图门旗"} <= names(body, "Place", BANNER_CITY)
    assert "乌力吉旗人民政府" in names(body, "Agency", BANNER_CITY)
    body = "图门旗巴彦苏木新建嘎查活动室。巴彦苏木人民政府牵头实施。"
    assert {"图门旗", "巴彦苏木"} <= names(body, "Place", BANNER_CITY)
    assert ("巴彦苏木", "图门旗") in links(body, "locatedIn", BANNER_CITY)
    assert "巴彦苏木人民政府" in names(body, "Agency", BANNER_CITY)


def test_a_flag_is_no_banner() -> None:
    body = "全市升国旗、挂红旗，开设旗舰店15家，集团旗下企业增至8家。"
    assert names(body, "Place", BANNER_CITY) == {"赛罕市"}


def test_a_company_s_short_form_written_alone_is_the_company() -> None:
    body = ("福建青岚冷链物流管理有限公司建设的冷链中心投入运营。"
            "加快港区4号泊位建设，依托青岚冷链拓展日韩航线。")
    ents = [e for e in extract(body, COUNTY)[0] if e.type == "Enterprise"]
    assert [e.name for e in ents] == ["福建青岚冷链物流管理有限公司"]
    assert "青岚冷链" in ents[0].aliases
    assert len(ents[0].mentions) == 2
    # a start of the name made of common words is no short form of it
    body = "中国能源建设集团有限公司签约落地。推进能源建设。"
    ents = [e for e in extract(body, COUNTY)[0] if e.type == "Enterprise"]
    assert all(len(e.mentions) == 1 for e in ents)


def test_bodies_of_an_autonomous_prefecture_or_a_league_by_their_level() -> None:
    head = "青岭彝族自治州白溪市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"
    body = "在州委、州政府的坚强领导下，州生态环境局与市林业和草原局联合开展专项执法，盟委部署落实。"
    assert {"州委", "州政府", "州生态环境局", "市林业和草原局", "盟委"} <= names(body, "Agency", head)
    # 州 and 盟 end other words: 常州, 联盟
    assert not names("常州市新北区与产业联盟委托的机构签约。", "Agency", head) & {"州", "盟委", "州委"}


def test_a_work_named_by_its_voltage_is_a_project() -> None:
    body = ("配合青岭供电局加快建设220千伏白沙输变电工程，新增变电容量24万千伏安。"
            "开工建设500千伏青山变电站扩建工程。")
    assert {"220千伏白沙输变电工程", "500千伏青山变电站扩建工程"} <= names(body, "Project", COUNTY)
    # a capacity is a measure, not the start of a name
    assert not {n for n in names("新增变电容量36万千伏安工程3项。", "Project", COUNTY) if n[0].isdigit()}


def test_an_institute_founded_together_is_the_work_of_its_founders() -> None:
    body = "区人民政府与青川大学共建青川大学白溪先进制造研究院，年内揭牌运行。"
    assert "青川大学白溪先进制造研究院" in names(body, "Project", COUNTY)
    assert "青川大学" in names(body, "Agency", COUNTY)  # the university stays a body of its own
    assert ("青川大学白溪先进制造研究院", "青川大学") in links(body, "implementedBy", COUNTY)
    assert ("区人民政府", "青川大学") in links(body, "partner", COUNTY)
    # an institute built and in use may be a body: only founding together makes it the work
    assert "白溪海洋生物医药研究院" in names("白溪海洋生物医药研究院建成投用。", "Agency", COUNTY)


def test_a_university_is_neither_its_hospital_nor_another_university() -> None:
    body = ("区人民政府与青川大学齐鲁医院签约。支持恒远动力与青川大学共建联合实验室。"
            "市人民政府与青岭大学签约。青岭医科大学附属医院投用。")
    found = extract(body, COUNTY)[0]
    agencies = {e.name: e.aliases for e in found if e.type == "Agency"}
    assert {"青川大学", "青川大学齐鲁医院", "青岭大学"} <= set(agencies)
    assert "青岭大学" not in agencies.get("青岭医科大学附属医院", set())


def test_a_builder_with_an_adverb_before_its_verb_and_an_institution_supported_to_build() -> None:
    body = ("中国电建同步实施白沙水库灌区配套工程。推动中国电信青岭分公司加快建设白溪跨境数据服务中心二期。"
            "支持青岭职业技术学院建设澜湄国际职业教育基地。")
    got = links(body, "implementedBy", COUNTY)
    assert ("白沙水库灌区配套工程", "中国电建") in got
    assert ("白溪跨境数据服务中心二期", "中国电信青岭分公司") in got
    assert ("澜湄国际职业教育基地", "青岭职业技术学院") in got
    # a government body that oversees a work is not its builder
    assert not links("推动市住建局加快建设白溪体育中心。", "implementedBy", COUNTY)


def test_a_town_s_school_being_built_is_a_project() -> None:
    body = "开工建设白沙彝族乡九年一贯制学校，由市教育体育局负责推进青岭街道第三幼儿园建设，新增学位1800个。"
    assert {"白沙彝族乡九年一贯制学校", "青岭街道第三幼儿园"} <= names(body, "Project", COUNTY)
    assert "白沙镇第二小学" in names("白沙镇第二小学获评省文明校园。", "Agency", COUNTY)
    # an institution before 建设 and another name builds it; it is not the work
    assert "青岭职业技术学院" in names("支持青岭职业技术学院建设澜湄国际职业教育基地。", "Agency", COUNTY)


def test_hu_he_in_a_mongolian_name_is_no_conjunction() -> None:
    body = "图门旗呼和温都尔苏木巴彦嘎查建成肉牛养殖基地。"
    found = names(body, "Place", BANNER_CITY)
    assert {"图门旗", "呼和温都尔苏木", "巴彦嘎查"} <= found
    assert "温都尔苏木" not in found
    assert {("呼和温都尔苏木", "图门旗"), ("巴彦嘎查", "呼和温都尔苏木")} <= links(
        body, "locatedIn", BANNER_CITY
    )
    # 和 between two names still joins them
    assert {"巴彦苏木", "乌兰苏木"} <= names("巴彦苏木和乌兰苏木新建牧民活动室。", "Place", BANNER_CITY)


def test_an_airport_in_service_is_a_place_and_one_being_built_a_work() -> None:
    body = "白音机场改扩建工程完成航站楼主体施工，白音机场全年旅客吞吐量增长12%。"
    assert "白音机场" in names(body, "Place", BANNER_CITY)
    assert "白音机场改扩建工程" in names(body, "Project", BANNER_CITY)
    assert ("白音机场改扩建工程", "白音机场") in links(body, "locatedIn", BANNER_CITY)
    # sited, prepared or built: the airport is the work
    for body in ("加快图门通用机场选址报批。", "开工建设图门通用机场。", "推进图门通用机场前期工作。"):
        assert "图门通用机场" in names(body, "Project", BANNER_CITY)
        assert "图门通用机场" not in names(body, "Place", BANNER_CITY)


def test_a_county_ends_before_a_closing_bracket_or_a_count() -> None:
    body = "全市上下（乌力吉旗、图门旗、白音县）统筹推进发展。白音县3200名贫困人口全部脱贫。"
    assert {"乌力吉旗", "图门旗", "白音县"} <= names(body, "Place", BANNER_CITY)
    # a common word ending in 县 or 市 stays one
    assert names("新增上市企业3家，县城3个片区完成改造。", "Place", BANNER_CITY) == {"赛罕市"}


def test_a_river_with_a_bracketed_section_is_a_place_and_so_are_those_listed_with_it() -> None:
    body = "巴音河、查汗河、白音河（图门段）全部达到Ⅲ类水质。"
    assert {"巴音河", "查汗河", "白音河"} <= names(body, "Place", BANNER_CITY)
    assert not {"巴音河", "查汗河"} & names("巴音河、查汗河全部达到Ⅲ类水质。", "Place", BANNER_CITY)


def test_a_work_on_a_river_section_is_on_the_river() -> None:
    body = "巴音河流域水质稳定达标，图门旗新增绿地8公顷。实施巴音河图门段防洪治理工程。"
    found = names(body, "Place", BANNER_CITY)
    assert "巴音河" in found and "巴音河图门段" not in found
    located = links(body, "locatedIn", BANNER_CITY)
    assert ("巴音河图门段防洪治理工程", "巴音河") in located
    assert ("巴音河图门段防洪治理工程", "图门旗") not in located  # the banner names the section


def test_a_mountain_acted_on_is_a_place() -> None:
    body = "开展乌兰哈达山废弃矿山治理3800亩，加快大青山南麓生态修复。"
    assert {"乌兰哈达山", "大青山"} <= names(body, "Place", BANNER_CITY)
    # common words ending in 山, and a park named after a mountain, are not
    body = "坚持绿水青山就是金山银山，推进废弃矿山生态修复、荒山生态修复，建设白石山国家森林公园。"
    assert names(body, "Place", BANNER_CITY) == {"赛罕市"}


def test_ethnic_autonomous_places_are_places() -> None:
    body = "支持白河彝族自治县、青岭自治旗和石门苗族乡新建学校，与云岭藏族自治州开展对口合作。"
    expected = {"白河彝族自治县", "青岭自治旗", "石门苗族乡", "云岭藏族自治州"}
    assert expected <= names(body, "Place", BANNER_CITY)
    # the kinds of place, not places
    body = "推进少数民族自治县发展，建设民族乡村振兴示范带，扶持民族乡发展。"
    assert names(body, "Place", BANNER_CITY) == {"赛罕市"}


def test_a_border_port_holds_its_zone_and_names_its_customs() -> None:
    body = "巴图口岸过货量增长10%，巴图口岸边境经济合作区新入驻企业12家，巴图海关通关时间压缩30%。"
    assert {"巴图口岸", "巴图口岸边境经济合作区"} <= names(body, "Place", BANNER_CITY)
    assert "巴图海关" in names(body, "Agency", BANNER_CITY)
    assert {("巴图口岸边境经济合作区", "巴图口岸"), ("巴图海关", "巴图口岸")} <= links(
        body, "locatedIn", BANNER_CITY
    )
    # customs in general are no body of their own
    assert not names("推进智慧海关建设，各海关加强协作。", "Agency", BANNER_CITY)


def test_a_pilot_zone_named_by_a_policy_is_a_title_not_a_place() -> None:
    body = "建设淮河流域生态保护和高质量发展先行示范区，依托苏南国家自主创新示范区一站式服务平台。"
    found = names(body, "Place", BANNER_CITY)
    assert not {n for n in found if n.endswith("先行示范区") or n.startswith("建设")}
    assert "苏南国家自主创新示范区" in found  # a zone of its own stays a place


def test_a_counted_zone_is_a_kind_of_zone() -> None:
    body = "区农业农村局建成稻渔综合种养示范区2个，白音经济开发区2个项目开工。"
    found = names(body, "Place", BANNER_CITY)
    assert "稻渔综合种养示范区" not in found
    assert "白音经济开发区" in found  # a count of what stands in the zone


def test_a_joint_stock_company_is_also_named_by_its_brand_and_gu_fen() -> None:
    body = (
        "白音云峰能源股份有限公司（以下简称云峰能源）投资建设的风电项目并网。"
        "支持云峰股份与中国某电力集团有限公司合作建设绿氢项目。"
    )
    assert names(body, "Enterprise", BANNER_CITY) == {"白音云峰能源股份有限公司", "中国某电力集团有限公司"}
    assert ("白音云峰能源股份有限公司", "中国某电力集团有限公司") in links(body, "partner", BANNER_CITY)
    # another company's 股份 stays apart
    body = "白音云峰能源股份有限公司投产。支持长风股份与高校合作。长风股份获评省级专精特新企业。"
    assert "长风股份" in names(body, "Enterprise", BANNER_CITY)


def test_a_central_enterprise_opening_a_work_s_name_builds_it() -> None:
    body = "国家电投白音海上风电项目首批机组并网。"
    assert "国家电投" in names(body, "Enterprise", BANNER_CITY)
    assert ("国家电投白音海上风电项目", "国家电投") in links(body, "implementedBy", BANNER_CITY)
    # a table name inside, not opening, the work's name is no builder
    assert "国家电投" not in names("白音国家电投配套储能项目开工。", "Enterprise", BANNER_CITY)


def test_a_new_town_of_a_vision_is_no_zone() -> None:
    body = "奋力打造现代化白音新城，建设宜居宜业白音新城。推进高铁新城建设，白音新城核心区完成投资。"
    found = names(body, "Place", BANNER_CITY)
    assert not {n for n in found if n.startswith(("现代化", "宜居宜业"))}
    assert {"高铁新城", "白音新城核心区"} <= found


def test_a_name_opening_with_a_city_s_short_form_is_in_the_city_not_in_its_port() -> None:
    head = "关于青岭彝族自治州白溪市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"
    body = "白溪口岸出入境人员增长20%。白溪经济开发区新增企业30家。推进白溪口岸智慧通关改造项目。"
    got = links(body, "locatedIn", head)
    assert ("白溪经济开发区", "青岭彝族自治州白溪市") in got
    assert "关于青岭彝族自治州" not in names(body, "Place", head)


def test_border_and_urban_village_words_and_a_title_of_a_strong_town_name_no_place() -> None:
    body = ("建成边境幸福村9个，加快5G网络向边境村寨延伸覆盖。推动白溪口岸与老挝对应口岸建立联络机制。"
            "稳步推进城中村改造。推进芒弄镇全国农业产业强镇建设，提高园区运营水平。")
    found = names(body, "Place", COUNTY)
    assert {"芒弄镇", "白溪口岸"} <= found
    assert not found & {"边境幸福村", "边境村", "应口岸", "城中村", "全国农业产业强镇", "提高园区"}


def test_a_heading_s_number_is_not_part_of_a_policy_name() -> None:
    body = "（三）“十四五”规划实施情况\n“十四五”规划主要指标进展顺利。"
    assert names(body, "Policy", COUNTY) == {"十四五规划"}


def test_generic_works_and_verbs_before_a_head_name_no_project() -> None:
    for body in ("推动更多项目签约即落地。", "构建以高速公路、国道、铁路为骨架的综合交通网。",
                 "推进小型工程标准化改造。", "滚动储备前期项目，完善要素保障。",
                 "二是投资目标立足于项目储备实际。"):
        assert not names(body, "Project", COUNTY), body
    assert "青石高速公路" in names("推进青石高速公路建设。", "Project", COUNTY)
    assert "国际人才广场" in names("领航大厦、国际人才广场竣工验收。", "Project", COUNTY)


def test_a_work_handed_to_its_operator() -> None:
    got = links("白溪傣族风情街区一期开街，交由白溪市文化旅游投资发展有限公司运营管理。",
                "implementedBy", COUNTY)
    assert ("白溪傣族风情街区一期", "白溪市文化旅游投资发展有限公司") in got
    got = links("白溪国际陆港物流园二期由青岭城投集团负责建设、新加坡海航物流有限公司负责运营。",
                "implementedBy", COUNTY)
    assert ("白溪国际陆港物流园二期", "新加坡海航物流有限公司") in got
    # an operator of a clause of its own is not the builder of a work before it
    assert not links("推进白溪物流园建设，新加坡海航物流有限公司负责运营。", "implementedBy", COUNTY)


def test_the_units_in_charge_of_a_numbered_key_project() -> None:
    body = ("重点项目：1.白溪国道改扩建工程，年内建成通车（责任单位：市交通运输局、青岭城投集团有限公司）；"
            "2.推动白沙轴承项目投产，加快青石装备产业园二期建设（责任单位：县工信局）。")
    got = links(body, "responsibleAgency", COUNTY)
    assert ("白溪国道改扩建工程", "市交通运输局") in got
    assert ("青石装备产业园二期", "县工信局") in got
    assert ("白沙轴承项目", "县工信局") not in got  # the unit closes the clause of its work
    assert ("白溪国道改扩建工程", "青岭城投集团有限公司") in links(body, "implementedBy", COUNTY)


def test_state_farms_forest_farms_and_regions_as_written() -> None:
    found = names("穆河农场、青峰林场完成造林1万亩。赴长三角和京津冀地区开展招商，深化与东北亚国家合作。",
                  "Place", COUNTY)
    assert {"穆河农场", "青峰林场", "长三角", "京津冀", "东北亚"} <= found
    ents = {e.name: e.aliases for e in extract("赴京津冀地区开展招商。", COUNTY)[0]}
    assert "京津冀地区" in ents["京津冀"]
    # a kind of farm or village is no place
    assert not names("支持家庭农场发展。建制村通客车率保持100%。积极推动恢复白溪口岸客运。",
                     "Place", COUNTY) & {"家庭农场", "建制村", "恢复白溪口岸"}


def test_urban_works_of_the_south_and_motions_that_name_no_place() -> None:
    body = ("上塘村城市更新单元规划获批复。加快沙埔人才公寓建设，沙埔涌碧道一期建成开放。"
            "区人民政府与青川理工大学共建的白溪先进制造研究院揭牌运行。")
    assert {"上塘村城市更新单元", "沙埔人才公寓", "沙埔涌碧道一期", "白溪先进制造研究院"} <= names(
        body, "Project", COUNTY)
    body = "推动快递进村、冰雪运动进校园、进社区，打通农产品出村进城。太平乡前进村入选示范村。"
    found = names(body, "Place", COUNTY)
    assert "前进村" in found or "太平乡前进村" in found  # a village named 前进 stays
    assert not {n for n in found if n.endswith(("进村", "出村", "进社区")) and "前进" not in n}
    found = names("推动历史文化街区保护利用，完善居家社区机构相协调的养老服务体系。", "Place", COUNTY)
    assert not found & {"历史文化街区", "居家社区"}


def test_a_product_or_a_kind_of_investor_is_no_company() -> None:
    body = "珑海康衍生物医药有限公司自主研发的创新药获批上市。全区机电产品出口增长8%以上。"
    assert names(body, "Enterprise", COUNTY) == {"珑海康衍生物医药有限公司"}
    assert not names("是近年来引进的规模最大的德资制造业项目。", "Project", COUNTY)


def test_a_company_s_short_form_without_the_report_s_own_city() -> None:
    head = ("珑海市榕埔区2024年政府工作报告\n"
            "——2024年1月9日在珑海市榕埔区第七届人民代表大会第四次会议上\n各位代表：\n")
    body = "珑海华曜新材料股份有限公司营业收入增长20%。支持华曜新材料扩大电子浆料产能。"
    ents = [e for e in extract(body, head)[0] if e.type == "Enterprise"]
    assert [e.name for e in ents] == ["珑海华曜新材料股份有限公司"] and len(ents[0].mentions) == 2


def test_schools_built_together_are_works() -> None:
    found = names("由县教育局牵头加快青溪外国语学校和青溪第二小学建设，新增学位5000个。", "Project", COUNTY)
    assert {"青溪外国语学校", "青溪第二小学"} <= found


def test_a_word_between_a_partner_and_its_verb_is_not_part_of_its_name() -> None:
    found = names("支持丰禾农业与泰加农业扩大合作，丰禾农业新增种植基地15万亩。", "Enterprise", COUNTY)
    assert "泰加农业" in found and not {n for n in found if n.endswith("扩大")}


def test_a_mountain_where_work_is_done_or_a_route_ends() -> None:
    found = names("开通白溪市至青峰山的冰雪旅游直通车。在洛苍山实施天然林保护修复。在岚峰岭完成国土绿化。",
                  "Place", COUNTY)
    assert {"青峰山", "洛苍山", "岚峰岭"} <= found
    assert not names("在江山实施改造，在金山的项目开工。", "Place", COUNTY) & {"江山", "金山"}


def test_a_quoted_campaign_is_a_policy() -> None:
    assert names("在前进村开展“黑土粮仓”科技会战示范。", "Policy", COUNTY) == {"黑土粮仓科技会战"}


def test_a_wind_farm_is_a_work_and_a_road_class_or_a_trade_is_no_name() -> None:
    body = "国家电投双山风电场二期位于双山乡，年内新增并网装机15万千瓦。全县二级以上公路里程达到420公里。"
    assert "国家电投双山风电场二期" in names(body, "Project", COUNTY)
    assert "二级以上公路" not in names(body, "Project", COUNTY)
    assert not names("推动快递物流与电商融合发展。", "Enterprise", COUNTY)


def test_one_character_before_he_names_nothing_of_its_own() -> None:
    body = "泰国正和食品集团在龙沐镇投资的正和热带水果精深加工项目一期开工建设。"
    assert "正和热带水果精深加工项目一期" in names(body, "Project", COUNTY)
    # a market town (圩镇) is a kind of town, not a town's name
    assert not names("推进重点圩镇和美丽圩镇建设。", "Place", COUNTY) & {"重点圩镇", "美丽圩镇"}


def test_a_demonstration_project_of_a_named_place_is_a_work() -> None:
    body = ("推动东澳海上风电示范项目全容量并网。支持青石能源建设沙布尔旗绿氢示范项目。"
            "申报创建国家级示范项目。")
    assert names(body, "Project", COUNTY) >= {"东澳海上风电示范项目", "沙布尔旗绿氢示范项目"}
    assert not {n for n in names(body, "Project", COUNTY) if n.startswith(("国家级", "申报"))}


def test_a_long_road_name_and_generic_works_of_the_genre() -> None:
    found = names("加快汐澜港疏港大道、龙沐河二桥建设。沿江一级公路全线贯通。", "Project", COUNTY)
    assert {"汐澜港疏港大道", "龙沐河二桥", "沿江一级公路"} <= found
    body = "我们把用好政策作为头号工程。封关运作是建设的标志性工程。疏港大道完成路基工程。"
    assert not names(body, "Project", COUNTY) & {"头号工程", "标志性工程", "路基工程"}


def test_a_company_s_legal_name_may_open_with_its_province() -> None:
    head = "海南省汐澜市2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"
    body = "海南南禾种业科技有限公司新建育种基地。江苏集萃安泰创明研究院投入运营。"
    got = links(body, "locatedIn", head)
    assert ("海南南禾种业科技有限公司", "海南省") in got
    assert not {(a, b) for a, b in got if a.endswith("研究院")}  # an institute is not a company


def test_a_company_s_province_before_its_county_places_it_in_the_county() -> None:
    head = "福建省榕屿市青溪县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"
    body = "福建青溪恒远材料股份有限公司新建生产线。福建晟达机械有限公司扩大产能。"
    got = links(body, "locatedIn", head)
    county = next(b for a, b in got if a == "福建青溪恒远材料股份有限公司")
    assert county.endswith("青溪县")
    assert ("福建青溪恒远材料股份有限公司", "福建省") not in got  # the county is the seat
    assert ("福建晟达机械有限公司", "福建省") in got  # no county after the province: the province


def test_a_branch_named_by_a_word_a_county_shares_with_its_town_is_the_county_s() -> None:
    body = "市生态环境局青溪分局开展执法检查。青溪镇完成污水管网改造。"
    got = links(body, "locatedIn", COUNTY)
    seats = {b for a, b in got if a == "市生态环境局青溪分局"}
    assert seats and all(b.endswith("青溪县") for b in seats)
    got = links("区公安分局柳塘派出所、柳塘镇应急办联合开展演练。市生态环境局柳塘分局开展执法。", "locatedIn",
                COUNTY)
    assert ("市生态环境局柳塘分局", "柳塘镇") in got  # only the town has the word: the town


def test_a_work_named_for_a_basin_written_only_in_names_is_on_the_river() -> None:
    body = "加强柘川河水质监测。实施柘川河流域综合治理工程一期，推进柘川河流域综合治理工程二期。"
    got = links(body, "locatedIn", COUNTY)
    assert ("柘川河流域综合治理工程一期", "柘川河") in got
    assert ("柘川河流域综合治理工程一期", "柘川河流域") not in got
    body = "加强柘川河水质监测。推动柘川河流域上下游协同保护，实施柘川河流域综合治理工程一期。"
    assert ("柘川河流域综合治理工程一期", "柘川河流域") in links(body, "locatedIn", COUNTY)


def test_a_foreign_city_written_after_its_country_is_in_it() -> None:
    body = "支持青溪冷链开通至马来西亚吉隆坡的冷链专线，组织企业赴日本大阪开展对接，赴泰国、越南参展。"
    got = links(body, "locatedIn", COUNTY)
    assert {("吉隆坡", "马来西亚"), ("大阪", "日本")} <= got
    assert ("越南", "泰国") not in got  # two countries listed: neither in the other


def test_what_an_area_s_own_name_names_is_in_the_area() -> None:
    body = ("金澄湾片区完成控制性详细规划。把金澄湾打造成为城市新客厅。金澄湾商圈提质升级，"
            "推进金澄湾人才公寓项目建设。")
    got = links(body, "locatedIn", COUNTY)
    assert {("金澄湾商圈", "金澄湾片区"), ("金澄湾人才公寓项目", "金澄湾片区")} <= got
    # the bare name never written on its own: nothing joins the area but the area's full name
    body = "金澄湾片区完成控制性详细规划。金澄湾商圈提质升级，推进金澄湾人才公寓项目建设。"
    assert not {a for a, b in links(body, "locatedIn", COUNTY) if b == "金澄湾片区"}


def test_a_word_a_town_shares_with_a_river_names_neither_for_sure() -> None:
    town = "鹭溪街道完成老旧小区改造。推进鹭溪智造大厦建设。"
    river = "实施鹭溪河黑臭水体整治，推进鹭溪河流域污染源排查整治。"
    assert ("鹭溪智造大厦", "鹭溪街道") not in links(river + town, "locatedIn", COUNTY)
    assert ("鹭溪智造大厦", "鹭溪街道") in links(town, "locatedIn", COUNTY)  # no such river: the town


def test_an_island_named_as_the_place_of_action_is_a_place() -> None:
    body = ("鹭屿岛海岛观光线路开通，背靠崇沙岛腹地发展临港产业。把鹭屿岛打造成为海岛旅游新名片。"
            "由市文旅局推进鹭屿岛海岛旅游提升项目。")
    found = names(body, "Place", COUNTY)
    assert {"鹭屿岛", "崇沙岛"} <= found
    assert not {n for n in found if n.endswith("海岛") or "岛" in n[:-1]}  # no 鹭屿岛海岛
    # common words ending in 岛, and an island's name inside another name, are not
    body = "推进全岛封关运作，办好环岛帆船赛，发展离岛免税和海岛旅游。落户白岛生物医药产业园。"
    assert not {n for n in names(body, "Place", COUNTY) if n.endswith("岛")}


def test_a_port_known_by_its_areas_is_a_place_where_it_stands_free() -> None:
    body = ("鹭州港青屿港区泊位建成投用。开通鹭州港至海口的内贸支线，推动鹭州港与鹿特丹港建立友好港关系。"
            "鹭州港投集团建设鹭州港疏港大道。")
    found = names(body, "Place", COUNTY)
    assert {"鹭州港", "鹿特丹港"} <= found
    assert not {n for n in names(body, "Enterprise", COUNTY) if n == "鹭州港"}
    # a port never named with an area of its own stays inside the names it opens
    body = "开通白沙港至海口的航线，推动白沙港与丙港合作。建设科创港、数字港。"
    assert not {n for n in names(body, "Place", COUNTY) if n.endswith("港")}


def test_a_zone_named_with_a_region_that_holds_gang_is_not_split_at_it() -> None:
    body = "位于白洲粤港澳合作示范区的丙项目开工。鹭州港大屿作业区泊位建成。"
    found = names(body, "Place", COUNTY)
    assert "白洲粤港澳合作示范区" in found
    assert not {"白洲粤港", "澳合作示范区"} & found
    assert {"鹭州港", "大屿作业区"} <= found  # a port and its area are still two


def test_creeks_and_northeastern_lakes_listed_with_a_known_river_are_places() -> None:
    body = ("白鹭河流域综合治理完工。完成岗头涌、白鹭河黑臭水体整治。"
            "深入挖掘凤鸣山、卧牛泡和白鹭河沿线自然风光。")
    assert {"岗头涌", "卧牛泡", "白鹭河"} <= names(body, "Place", COUNTY)
    # without a known river in the list, a creek or a lake is not read (nor the words 涌现, 和平)
    body = "白鹭河流域综合治理完工。新业态不断涌现，岗头涌、卧牛泡开展整治，白鹭河、和平河水质达标。"
    found = names(body, "Place", COUNTY)
    assert not {"岗头涌", "卧牛泡", "平河"} & found


def test_a_krai_of_a_neighbouring_country_is_a_place_after_its_country() -> None:
    body = "东部与俄罗斯远东边疆区接壤，种植基地位于俄罗斯远东边疆区。"
    found = names(body, "Place", COUNTY)
    assert {"远东边疆区", "俄罗斯"} <= found
    assert not {n for n in found if n.endswith("边疆区") and n != "远东边疆区"}
    # the border regions of the own country are a kind of area, not a unit of that name
    assert not {n for n in names("加强边疆地区建设，支持边境地区发展。", "Place", COUNTY) if "边" in n}


def test_an_urban_village_is_a_kind_of_village_not_a_name() -> None:
    body = "总结推广白鹭街道青湾社区城中村综合整治经验，推进城中村改造。支持前进村发展民宿。"
    found = names(body, "Place", COUNTY)
    assert {"白鹭街道", "青湾社区", "前进村"} <= found
    assert not {n for n in found if n.endswith("城中村")}


def test_a_motion_into_a_lake_names_no_water() -> None:
    body = "白鹭湖保护治理工程完工，建成入湖河道生态缓冲带15公里，白鹭湖水质稳定。"
    found = names(body, "Place", COUNTY)
    assert "白鹭湖" in found
    assert "入湖" not in found


def test_a_national_demonstration_zone_without_a_place_is_a_title() -> None:
    body = "持续巩固国家生态文明建设示范区创建成果，推进白鹭县国家农业绿色发展示范区建设。"
    found = names(body, "Place", COUNTY)
    assert not {n for n in found if n.startswith("国家")}
    assert "白鹭县国家农业绿色发展示范区" in found  # named after its place, a zone


def test_goods_sent_down_to_villages_name_no_village() -> None:
    body = "打通农产品出村进城和消费品下乡进村的最后一公里。支持太平乡前进村发展民宿。"
    found = names(body, "Place", COUNTY)
    assert {"太平乡", "前进村"} <= found
    assert not {n for n in found if n.endswith("进村") and n != "前进村"}


def test_a_second_line_checkpoint_is_a_kind_not_a_name() -> None:
    body = "鹭州港青屿港区完成二线口岸查验设施建设，白沙口岸通关量增长。"
    found = names(body, "Place", COUNTY)
    assert "白沙口岸" in found
    assert "二线口岸" not in found


def test_a_basin_written_only_inside_works_names_is_no_place_of_its_own() -> None:
    body = "实施岚江流域水环境综合治理工程二期，岚江出境断面水质稳定达到Ⅱ类。"
    found = names(body, "Place", COUNTY)
    assert "岚江" in found
    assert "岚江流域" not in found  # written only inside the work's name: the work is on the river
    assert ("岚江流域水环境综合治理工程二期", "岚江") in links(body, "locatedIn", COUNTY)
    # written on its own, the basin stays a place
    assert "岚江流域" in names("加强岚江流域水生态保护修复，岚江出境断面水质达到Ⅱ类。", "Place", COUNTY)


def test_a_foreign_firm_whose_brand_holds_he_keeps_its_country() -> None:
    body = "泰国恒和食品集团在白沙镇投资的热带水果加工项目建成投产。对泰国进出口额增长20%。"
    assert "泰国恒和食品集团" in names(body, "Enterprise", COUNTY)
    assert ("泰国恒和食品集团", "泰国") in links(body, "locatedIn", COUNTY)
    # 和 between two countries still joins them
    assert {"德国", "泰国"} <= names("推动德国和泰国企业开展合作。", "Place", COUNTY)


def test_a_park_others_build_in_is_a_zone_and_holds_its_works() -> None:
    body = (
        "白沙海关在青溪临港产业园设立监管服务点。青溪临港产业园完成基础设施投资8亿元。"
        "推进青溪临港产业园标准厂房三期建设，年内建成标准厂房12万平方米。"
    )
    assert "青溪临港产业园" in names(body, "Place", COUNTY)
    assert "青溪临港产业园" not in names(body, "Project", COUNTY)
    assert ("青溪临港产业园标准厂房三期", "青溪临港产业园") in links(body, "locatedIn", COUNTY)
    # a work named by the park and a phase is the park's next phase, the park stays a work
    body = "青溪物流园投入运营。推进青溪物流园二期建设。"
    assert "青溪物流园" in names(body, "Project", COUNTY)


def test_the_short_form_of_an_autonomous_prefecture_leaves_out_its_peoples() -> None:
    head = "关于澜沧傣族佤族自治州孟岚市2025年国民经济和社会发展计划执行情况的报告\n各位代表：\n"
    body = "澜沧农商银行发放涉农贷款12亿元。"
    assert ("澜沧农商银行", "澜沧傣族佤族自治州") in links(body, "locatedIn", head)


def test_a_company_branch_after_its_legal_name_is_one_enterprise() -> None:
    body = (
        "云岭电网有限责任公司澜沧供电局建设的220千伏曼岭输变电工程建成投运。"
        "配合澜沧供电局加快建设220千伏芒岭输变电工程。"
    )
    assert names(body, "Enterprise", COUNTY) == {"云岭电网有限责任公司澜沧供电局"}
    assert not names(body, "Agency", COUNTY)  # the branch by its seat alone is the same company
    assert ("220千伏曼岭输变电工程", "云岭电网有限责任公司澜沧供电局") in links(
        body, "implementedBy", COUNTY
    )


def test_departments_whose_names_hold_a_stop_word_and_bodies_at_work() -> None:
    body = ("由县投资促进局牵头，县文化广电体育和旅游局、县教育和体育局配合。"
            "县公共资源交易中心实现全流程电子化交易，推进县社会治理中心实体化运行。")
    assert {"县投资促进局", "县文化广电体育和旅游局", "县教育和体育局", "县公共资源交易中心",
            "县社会治理中心"} <= names(body, "Agency", COUNTY)


def test_the_body_in_charge_of_a_work_written_before_its_lead() -> None:
    body = ("青溪陆港物流园位于青溪经济开发区北侧，由县发展改革局牵头推进，年内建成仓储设施5万平方米。"
            "开工建设梅岭镇至竹溪镇二级公路改建工程，该工程由省交通运输厅统筹推进，力争完成投资4.2亿元。"
            "深入推进兰溪流域综合治理工程，由市生态环境局青溪分局牵头，断面水质优良比例保持100%。")
    found = links(body, "responsibleAgency", COUNTY)
    assert ("青溪陆港物流园", "县发展改革局") in found  # the sentence's subject
    assert ("梅岭镇至竹溪镇二级公路改建工程", "省交通运输厅") in found  # 该工程
    assert ("兰溪流域综合治理工程", "市生态环境局青溪分局") in found  # the clause before


def test_a_strategy_is_named_without_the_verb_that_joins_it() -> None:
    body = "主动对接长三角一体化发展国家战略，积极融入成渝地区双城经济圈建设战略。"
    found = names(body, "Policy", COUNTY)
    assert "长三角一体化发展国家战略" in found
    assert not {n for n in found if n.startswith(("主动", "对接", "积极", "融入"))}


def test_a_quoted_programme_of_the_county_town_keeps_the_town() -> None:
    body = "县城“扩容提质”三年攻坚行动深入实施。实施县“千企技改”行动。"
    found = names(body, "Policy", COUNTY)
    assert {"县城扩容提质三年攻坚行动", "千企技改行动"} <= found


def test_listing_at_home_and_abroad_names_no_company_and_a_board_of_an_exchange_does() -> None:
    assert not names("全区境内外上市公司累计达到9家，国内外知名企业纷纷落户。", "Enterprise", COUNTY)
    assert "青拓纤维" in names("青拓纤维在沪市主板上市。", "Enterprise", COUNTY)


def test_a_work_on_a_river_s_channel_is_on_the_river() -> None:
    body = "兰溪流域综合治理一期完工。实施梅溪河河道生态修复工程。"
    assert ("梅溪河河道生态修复工程", "梅溪河") in links(body, "locatedIn", COUNTY)


def test_a_town_s_seat_is_the_town() -> None:
    body = "梅岭镇集镇防洪堤工程完工。完成10个乡镇集镇风貌提升。"
    assert names(body, "Place", COUNTY) == {"榕屿市", "榕屿市青溪县", "梅岭镇"}
    assert ("梅岭镇集镇防洪堤工程", "梅岭镇") in links(body, "locatedIn", COUNTY)


def test_a_road_between_two_towns_runs_in_both() -> None:
    body = "开工建设梅岭镇至竹溪镇二级公路改建工程，推进青溪至榕屿城际快速通道前期工作。"
    found = links(body, "locatedIn", COUNTY)
    road = "梅岭镇至竹溪镇二级公路改建工程"
    assert {(road, "梅岭镇"), (road, "竹溪镇")} <= found
    assert not {r for r in found if r[0].startswith("青溪至")}  # a route to a city beyond


def test_a_kind_of_town_after_generic_words_is_no_town() -> None:
    body = "三是建设特色小镇。推动梅岭镇、竹溪乡建设商贸物流重镇。"
    assert names(body, "Place", COUNTY) == {"榕屿市", "榕屿市青溪县", "梅岭镇", "竹溪乡"}


def test_goods_listed_before_their_group_noun_are_no_places() -> None:
    body = "县内茶叶、竹制品、果蔬等产品出口东盟国家货值达到3.1亿元。"
    assert names(body, "Place", COUNTY) == {"榕屿市", "榕屿市青溪县", "东盟"}


def test_all_villages_is_no_village() -> None:
    body = "农村生活污水收集处理体系覆盖所有行政村。"
    assert names(body, "Place", COUNTY) == {"榕屿市", "榕屿市青溪县"}


def test_a_hamlet_after_its_village_is_a_place_in_it() -> None:
    body = ("石门瑶族乡上林村弄岗屯入选全区传统村落名录。建成20户以上自然屯道路硬化，"
            "推进5G网络向重点村屯延伸，完成120个屯级道路硬化。")
    assert names(body, "Place", COUNTY) == {"榕屿市", "榕屿市青溪县", "石门瑶族乡", "上林村", "弄岗屯"}
    assert ("弄岗屯", "上林村") in links(body, "locatedIn", COUNTY)


def test_a_protected_reservoir_is_a_place_and_its_works_are_on_it() -> None:
    body = ("青山水库除险加固工程通过竣工验收。青山水库饮用水水源保护区完成规范化建设。"
            "位于梅岭镇的红石水库下闸蓄水。")
    assert "青山水库" in names(body, "Place", COUNTY)
    assert "红石水库" in names(body, "Project", COUNTY)  # a reservoir being built is a work
    assert ("青山水库除险加固工程", "青山水库") in links(body, "locatedIn", COUNTY)


def test_what_lies_in_a_place_by_dichu() -> None:
    head = "兴安市青川县2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n"
    body = "兴安市青川县地处黑龙江省东南部。地处梅岭街道的青川滨江合作示范区完成起步区建设。"
    found = links(body, "locatedIn", head)
    assert ("兴安市青川县", "黑龙江省") in found
    assert ("青川滨江合作示范区", "梅岭街道") in found


def test_a_province_s_short_name_standing_alone_is_a_place() -> None:
    body = "发挥青溪地处广西东部、毗邻广东的区位优势。广西青溪糖业集团有限公司完成技术改造。"
    assert {"广西", "广东"} <= names(body, "Place", COUNTY)
    assert ("榕屿市青溪县", "广西") in links(body, "locatedIn", COUNTY)
    assert "广西" not in names("广西青溪糖业集团有限公司完成技术改造。", "Place", COUNTY)


def test_a_science_corridor_and_a_bay_area_are_places() -> None:
    body = "加快推进白鹭湖科创走廊建设。白鹭湖湾区生态修复一期工程完工。"
    found = names(body, "Place", COUNTY)
    assert {"白鹭湖科创走廊", "白鹭湖湾区"} <= found
    assert ("白鹭湖湾区生态修复一期工程", "白鹭湖湾区") in links(body, "locatedIn", COUNTY)
    assert not {n for n in names("推进农村生活污水治理。", "Place", COUNTY) if "生" in n}


def test_a_neighbourhood_named_like_a_street_is_not_in_it() -> None:
    body = "白鹭街道社区卫生服务中心建成投用。白鹭里夜间经济街区建成开业。"
    found = links(body, "locatedIn", COUNTY)
    assert ("白鹭街道社区卫生服务中心", "白鹭街道") in found
    assert not {(a, b) for a, b in found if a.startswith("白鹭里")}


def test_a_work_placed_in_a_zone_is_not_also_in_the_district_of_its_name() -> None:
    body = "位于青溪高新区的青溪数字经济产业园一期建成投用。青溪数字经济产业园二期开工建设。"
    found = links(body, "locatedIn", COUNTY)
    assert ("青溪数字经济产业园一期", "青溪高新区") in found
    assert ("青溪数字经济产业园一期", "榕屿市青溪县") not in found
    assert ("青溪数字经济产业园二期", "榕屿市青溪县") in found


def test_one_part_of_a_strategy_of_several_parts_is_a_strategy_of_its_own() -> None:
    body = "坚持“农业兴县”战略不动摇。深入实施“农业兴县、生态立县”战略。"
    assert names(body, "Policy", COUNTY) == {"农业兴县战略", "农业兴县、生态立县战略"}


def test_a_quoted_programme_named_by_a_count_keeps_its_topic() -> None:
    body = "深入实施智能制造“一号工程”。实施稳外贸“八大行动”。聚力推进“三大工程”。实施省“五大工程”。"
    found = names(body, "Policy", COUNTY)
    assert {"智能制造一号工程", "稳外贸八大行动", "三大工程", "五大工程"} <= found
    assert not {"一号工程", "八大行动", "省五大工程"} & found


def test_a_campaign_named_by_common_words_is_a_policy() -> None:
    body = "深入实施城市更新行动，改造老旧小区12个。推进实际行动。"
    found = names(body, "Policy", COUNTY)
    assert "城市更新行动" in found
    assert "实际行动" not in found


def test_a_national_campaign_holds_the_group_it_names_before_deng() -> None:
    body = "实施退役军人等重点群体创业扶持攻坚行动，帮扶创业800人以上。"
    assert names(body, "Policy", COUNTY) == {"退役军人等重点群体创业扶持攻坚行动"}


def test_a_campaign_whose_tasks_are_reported_is_named() -> None:
    body = "民营企业提质增效三年行动目标任务全面完成。全年计划投资20亿元。"
    assert names(body, "Policy", COUNTY) == {"民营企业提质增效三年行动"}


def test_a_verb_right_after_reform_is_part_of_the_campaign() -> None:
    body = "深入实施农村集体产权改革深化提升行动，县农投集团获评AA主体信用评级。"
    assert "农村集体产权改革深化提升行动" in names(body, "Policy", COUNTY)


def test_measures_under_a_quoted_slogan_are_no_policy() -> None:
    body = "落实“人车同检”措施。持续抓好防汛“双保双控”各项措施落实。实施“双百”工程。"
    assert names(body, "Policy", COUNTY) == {"双百工程"}


def test_a_quoted_policy_carried_out_is_named_by_its_quote() -> None:
    body = "全面落实“三减”政策，义务教育巩固率达到99%。一是“低关税”政策红利释放。"
    assert names(body, "Policy", COUNTY) == {"三减"}


def test_a_plan_exceeded_is_the_year_s_plan_not_a_policy() -> None:
    body = "全年实施重点项目40个，完成投资90亿元，超年度计划12个百分点。"
    assert not names(body, "Policy", COUNTY)


def test_a_rule_is_a_policy_only_when_counted() -> None:
    body = "认真落实中央六项规定及其实施细则。全面落实行政执法公示规定，推进严格规范公正文明执法。"
    assert names(body, "Policy", COUNTY) == {"中央六项规定"}


def test_tax_reliefs_listed_before_deng_zhengce_are_no_named_policies() -> None:
    body = "落实设备购置税前扣除、小微企业税费减免等政策，推动企业加大投入。"
    assert not names(body, "Policy", COUNTY)


def test_a_quoted_line_held_to_is_a_strategy() -> None:
    body = "坚持“文旅强县”不动摇，全年接待游客300万人次。坚持“项目为王”，全年实施项目50个。"
    assert names(body, "Policy", COUNTY) == {"文旅强县"}


CITY = "陇屏市2023年国民经济和社会发展计划执行情况与2024年计划草案的报告\n各位代表：\n"


def test_a_district_after_the_verb_of_governing_does_not_take_the_verb() -> None:
    body = "陇屏地处甘肃省东部，辖峪川区、石门县等县区。"
    assert not {n for n in names(body, "Place", CITY) if n.startswith("辖")}
    body = "陇屏地处甘肃省东部，辖青峪川区、石门县等县区。"
    assert "青峪川区" in names(body, "Place", CITY)


def test_a_country_counted_among_nations_does_not_take_the_words_before_it() -> None:
    body = "陇屏号国际班列开行120列，货物运抵乌兹别克斯坦等9个国家。"
    found = names(body, "Place", CITY)
    assert "乌兹别克斯坦" in found
    assert not {n for n in found if n.endswith("乌兹别克斯坦") and n != "乌兹别克斯坦"}


def test_the_verb_of_siting_ends_a_place_name() -> None:
    body = "与某精工集团签约建设精密轴承项目，项目选址陇屏经开区。"
    found = names(body, "Place", CITY)
    assert "陇屏经开区" in found
    assert not {n for n in found if "选址" in n}


def test_a_district_and_its_town_written_together_are_two_places() -> None:
    body = "某农业公司建成峪川区石门镇果品冷链物流中心。打通城区与峪川区石门镇的快速通道。"
    assert {"峪川区", "石门镇"} <= names(body, "Place", CITY)
    assert "峪川区石门镇" not in names(body, "Place", CITY)
    found = links(body, "locatedIn", CITY)
    assert ("石门镇", "峪川区") in found
    assert ("峪川区石门镇果品冷链物流中心", "石门镇") in found
    assert "陇屏高新区石门镇" in names("陇屏高新区石门镇完成撤并。", "Place", CITY)  # a zone: not split


def test_a_road_s_section_named_by_its_direction_is_part_of_the_work() -> None:
    body = "陇屏绕城高速南段完成路基工程的60%。"
    found = names(body, "Project", CITY)
    assert "陇屏绕城高速南段" in found
    assert "陇屏绕城高速" not in found


def test_a_legal_name_holds_the_trade_of_investing_and_building() -> None:
    body = "陇屏南塬机场迁建工程由市发展改革委牵头推进，陕西陇屏城市投资建设集团有限公司负责建设。"
    assert "陕西陇屏城市投资建设集团有限公司" in names(body, "Enterprise", CITY)
    assert ("陇屏南塬机场迁建工程", "陕西陇屏城市投资建设集团有限公司") in links(
        body, "implementedBy", CITY
    )


def test_the_verb_of_enlarging_after_a_company_ends_the_work_s_name() -> None:
    body = "推动陕西陇屏农业发展有限公司扩建石门镇果品冷链物流中心，新增冷链仓储能力3万吨。"
    assert "石门镇果品冷链物流中心" in names(body, "Project", CITY)
    assert "石门镇" in names(body, "Place", CITY)
    assert not {n for ty in ("Project", "Place") for n in names(body, ty, CITY) if "扩建" in n}


def test_a_company_named_after_a_work_s_start_builds_it() -> None:
    body = "陇屏高新区光电子产业园二期全面开工，由陕西陇屏光电科技有限公司建设运营。"
    assert ("陇屏高新区光电子产业园二期", "陕西陇屏光电科技有限公司") in links(
        body, "implementedBy", CITY
    )


def test_a_company_that_completes_or_enlarges_a_work_builds_it() -> None:
    body = "陕西陇屏农业发展有限公司建成峪川区石门镇果品冷链物流中心，带动果农增收。"
    assert ("峪川区石门镇果品冷链物流中心", "陕西陇屏农业发展有限公司") in links(
        body, "implementedBy", CITY
    )
    body = "推动陕西陇屏农业发展有限公司扩建石门镇果品冷链物流中心。"
    assert ("石门镇果品冷链物流中心", "陕西陇屏农业发展有限公司") in links(body, "implementedBy", CITY)


def test_a_company_shortened_by_its_trade_builds_the_work_it_takes_on() -> None:
    body = "陕西陇屏城市投资建设集团有限公司负责建设机场。陇屏城投承担的陇屏绕城高速南段年内建成通车。"
    ents, _ = extract(body, CITY)
    company = next(e for e in ents if e.name == "陕西陇屏城市投资建设集团有限公司")
    assert "陇屏城投" in company.aliases
    assert ("陇屏绕城高速南段", "陕西陇屏城市投资建设集团有限公司") in links(body, "implementedBy", CITY)


def test_a_joint_lab_of_generic_words_built_by_named_partners_is_their_work() -> None:
    body = "陇屏光电与陇屏大学共建新材料联合实验室，新建省级以上创新平台12个。"
    assert "新材料联合实验室" in names(body, "Project", CITY)
    found = links(body, "implementedBy", CITY)
    assert {("新材料联合实验室", "陇屏光电"), ("新材料联合实验室", "陇屏大学")} <= found
    assert not names("推动共建联合实验室。", "Project", CITY)


def test_the_places_an_area_governs_are_in_it() -> None:
    body = "陇屏地处甘肃省东部，辖峪川区、石门县、青河县等县区，是重要节点城市。"
    assert "石门县" in names(body, "Place", CITY)  # a two-character county right after 辖
    found = links(body, "locatedIn", CITY)
    assert {("石门县", "陇屏市"), ("青河县", "陇屏市")} <= found


def test_a_project_loan_is_not_a_project() -> None:
    body = "陇屏农商银行全年投放项目贷款40亿元。"
    assert not names(body, "Project", CITY)


def test_the_bodies_of_every_county_and_district_are_no_agency() -> None:
    body = "各县区政府要切实担负起属地责任。市县政府要加强监管。"
    assert not names(body, "Agency", CITY)
    assert "县政府" in names("在市委、县政府领导下。", "Agency", CITY)


def test_an_institute_built_by_partners_is_the_work_wherever_it_is_named() -> None:
    body = ("陇屏大学与河西理工大学共建的陇屏河西能源研究院揭牌运行。"
            "推动陇屏河西能源研究院建设中试基地。")
    assert "陇屏河西能源研究院" in names(body, "Project", CITY)
    assert "陇屏河西能源研究院" not in names(body, "Agency", CITY)


def test_a_city_cluster_and_a_metropolitan_area_are_places() -> None:
    body = "主动融入河西平原城市群建设。深化与兰川都市圈各市区的产业协作。"
    assert {"河西平原城市群", "兰川都市圈"} <= names(body, "Place", CITY)
