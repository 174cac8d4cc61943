"""Rules for works and who carries them out, seen first in the dev reports: a Chinese sentence
in, the expected names and links out. The names are invented and differ from the reports',
so that the rules, not the names, are what is tested."""

from __future__ import annotations

from test_entities import extract, links, names

COUNTY = "榕屿市青溪县2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n各位代表：\n"


def test_a_company_that_carries_out_a_work_implements_it() -> None:
    body = "福建青岚置业有限公司实施的白沙村旧改项目签约率达到95%。"
    assert ("白沙村旧改项目", "福建青岚置业有限公司") in links(body, "implementedBy", COUNTY)
    body = "青溪县城市建设投资集团有限公司负责建设的青溪智能装备产业园二期加快推进。"
    assert ("青溪智能装备产业园二期", "青溪县城市建设投资集团有限公司") in links(
        body, "implementedBy", COUNTY
    )


def test_a_government_body_that_carries_out_a_work_is_responsible_for_it() -> None:
    body = "县农业农村局负责实施的白沙乡高标准农田建设项目年内完工。"
    assert ("白沙乡高标准农田建设项目", "县农业农村局") in links(body, "responsibleAgency", COUNTY)
    assert not links(body, "implementedBy", COUNTY)


def test_partners_taken_up_by_both_sides_build_the_work_together() -> None:
    body = ("福建青岚物流有限公司与青溪县城市建设投资集团有限公司签约合作，"
            "双方共同投资的青溪跨境物流园一期建成投用。")
    assert {
        ("青溪跨境物流园一期", "福建青岚物流有限公司"),
        ("青溪跨境物流园一期", "青溪县城市建设投资集团有限公司"),
    } <= links(body, "implementedBy", COUNTY)
    body = "福建青岚物流有限公司与青溪县城市建设投资集团有限公司共同投资的青溪跨境物流园一期建成投用。"
    assert ("青溪跨境物流园一期", "福建青岚物流有限公司") in links(body, "implementedBy", COUNTY)


def test_an_academy_of_sciences_is_an_institution_that_builds() -> None:
    body = "福建青禾种业科技有限公司与中国林业科学院共建的亚热带林木种质创新中心投入使用。"
    assert "中国林业科学院" in names(body, "Agency", COUNTY)
    assert ("亚热带林木种质创新中心", "中国林业科学院") in links(body, "implementedBy", COUNTY)


def test_every_company_named_after_by_builds_the_work() -> None:
    body = "青溪湾TOD综合开发项目由榕屿市地铁集团有限公司与青溪县城市建设投资集团有限公司合作开发。"
    assert {
        ("青溪湾TOD综合开发项目", "榕屿市地铁集团有限公司"),
        ("青溪湾TOD综合开发项目", "青溪县城市建设投资集团有限公司"),
    } <= links(body, "implementedBy", COUNTY)
    body = "青溪国际商贸城二期由福建青岚旅游投资有限公司投资建设、福建椰岚商业管理有限公司负责运营。"
    assert {
        ("青溪国际商贸城二期", "福建青岚旅游投资有限公司"),
        ("青溪国际商贸城二期", "福建椰岚商业管理有限公司"),
    } <= links(body, "implementedBy", COUNTY)


def test_a_government_body_named_after_by_does_not_build_the_work() -> None:
    body = "青溪湾TOD综合开发项目由县住房和城乡建设局与青溪县城市建设投资集团有限公司合作开发。"
    found = links(body, "implementedBy", COUNTY)
    assert ("青溪湾TOD综合开发项目", "青溪县城市建设投资集团有限公司") in found
    assert ("青溪湾TOD综合开发项目", "县住房和城乡建设局") not in found


def test_what_named_bodies_found_together_is_the_work() -> None:
    body = "支持青溪实验室与福建青芯半导体有限公司共建氮化镓功率器件中试平台。"
    assert "氮化镓功率器件中试平台" in names(body, "Project", COUNTY)
    assert ("氮化镓功率器件中试平台", "福建青芯半导体有限公司") in links(body, "implementedBy", COUNTY)
    assert "公共服务平台" not in names("支持企业共建公共服务平台。", "Project", COUNTY)
    body = "青溪职业技术学院与青岚茶业合作开办白茶产业学院，首批招收学生200名。"
    assert "白茶产业学院" in names(body, "Project", COUNTY)
    assert {("白茶产业学院", "青溪职业技术学院"), ("白茶产业学院", "青岚茶业")} <= links(
        body, "implementedBy", COUNTY
    )


def test_a_germplasm_nursery_is_a_work() -> None:
    body = "推动县农业农村局与福建省农业科学院茶叶研究所合作建设青溪白茶种质资源圃。"
    assert "青溪白茶种质资源圃" in names(body, "Project", COUNTY)
    assert ("青溪白茶种质资源圃", "福建省农业科学院茶叶研究所") in links(body, "implementedBy", COUNTY)


def test_a_company_s_branch_is_one_enterprise_that_builds() -> None:
    body = "国网福建省电力有限公司青溪县供电公司建设的110千伏白沙输变电工程投入运行。"
    assert "国网福建省电力有限公司青溪县供电公司" in names(body, "Enterprise", COUNTY)
    assert "国网福建省电力有限公司" not in names(body, "Enterprise", COUNTY)
    assert ("110千伏白沙输变电工程", "国网福建省电力有限公司青溪县供电公司") in links(
        body, "implementedBy", COUNTY
    )


def test_a_role_a_place_aims_at_is_no_work() -> None:
    assert "区域性冷链物流枢纽" not in names("加快打造区域性冷链物流枢纽。", "Project", COUNTY)
    body = "推动青溪由物流通道节点向区域性冷链物流枢纽转变。"
    assert "区域性冷链物流枢纽" not in names(body, "Project", COUNTY)
    assert "国家重要商品粮基地" not in names("青溪县是国家重要商品粮基地。", "Project", COUNTY)
    assert "青溪冷链物流枢纽" in names("开工建设青溪冷链物流枢纽。", "Project", COUNTY)


def test_a_work_on_a_part_of_a_facility_is_another_work() -> None:
    body = "推动白沙水库工程下闸蓄水，中国某建设集团有限公司同步实施白沙水库灌区配套工程。"
    found = names(body, "Project", COUNTY)
    assert {"白沙水库工程", "白沙水库灌区配套工程"} <= found
    assert ("白沙水库灌区配套工程", "中国某建设集团有限公司") in links(body, "implementedBy", COUNTY)


def test_a_district_s_investment_group_joins_its_legal_name() -> None:
    head = "珑海市榕埔区2024年政府工作报告\n各位代表：\n"
    body = ("珑海市榕埔城市建设投资集团有限公司建设的榕埔智能装备产业园一期建成运营。"
            "区城投集团建设的鹤溪智造大厦主体封顶。")
    found = {e.name: e.aliases for e in extract(body, head)[0] if e.type == "Enterprise"}
    assert "区城投集团" not in found
    assert "区城投集团" in found["珑海市榕埔城市建设投资集团有限公司"]


def test_a_group_s_short_name_joins_the_group_not_its_fund() -> None:
    body = ("青溪港务投资集团有限公司建设的青溪港区二期泊位工程投入试运营。设立青溪自贸港产业投资基金。"
            "青溪港投集团负责建设青溪邮轮码头。")
    found = {e.name: e.aliases for e in extract(body, COUNTY)[0] if e.type == "Enterprise"}
    assert "青溪港投集团" in found["青溪港务投资集团有限公司"]


def test_a_line_extended_into_a_place_is_the_work_built() -> None:
    body = "榕屿地铁3号线青溪延伸段开工建设。"
    found = names(body, "Project", COUNTY)
    assert "榕屿地铁3号线青溪延伸段" in found
    assert "榕屿地铁3号线" not in found


def test_a_work_built_off_a_place_s_coast_is_built_by_the_company_before() -> None:
    body = "中国某海能集团有限公司在白沙镇近海建设的白沙海上风电示范项目全容量并网。"
    assert ("白沙海上风电示范项目", "中国某海能集团有限公司") in links(body, "implementedBy", COUNTY)
    body = "由县海洋与渔业局牵头在白沙岛周边海域建设白沙岛海洋牧场项目。"
    found = names(body, "Project", COUNTY)
    assert "白沙岛海洋牧场项目" in found
    assert not {n for n in found if "周边海域" in n}


def test_a_foreign_firm_s_short_name_drops_its_country() -> None:
    body = ("新加坡青洋控股有限公司与县人民政府签署战略合作协议，青洋控股投资的青洋冷链物流园一期建成投用。"
            "推动青洋冷链物流园二期开工。")
    found = links(body, "implementedBy", COUNTY)
    assert ("青洋冷链物流园一期", "新加坡青洋控股有限公司") in found
    assert ("青洋冷链物流园二期", "新加坡青洋控股有限公司") in found


def test_a_company_s_branch_written_by_its_own_name_is_the_branch() -> None:
    body = ("福建电网有限责任公司青溪供电局建设的220千伏白沙输变电工程建成投运。"
            "配合青溪供电局加快建设220千伏梅岭输变电工程。")
    assert ("220千伏梅岭输变电工程", "福建电网有限责任公司青溪供电局") in links(
        body, "implementedBy", COUNTY
    )


def test_a_company_pressed_to_speed_up_a_work_carries_it_out() -> None:
    body = "福建青岚置业有限公司建成青溪天地购物中心一期。支持青岚置业加快青溪天地购物中心二期招商。"
    assert ("青溪天地购物中心二期", "福建青岚置业有限公司") in links(body, "implementedBy", COUNTY)


def test_kinds_of_facility_are_no_works() -> None:
    for body, name in (
        ("同步推进片区路网和地下综合管廊建设。", "地下综合管廊"),
        ("完善海岛码头、步道和应急救援设施。", "海岛码头"),
        ("县人民医院与某医科大学附属医院组建专科联盟。", "专科联盟"),
        ("争取将青溪港区疏港公路纳入省级补助项目。", "省级补助项目"),
        ("围绕热电联产项目配套建成秸秆收储站点46个。", "热电联产项目"),
    ):
        assert name not in names(body, "Project", COUNTY), name
    assert "青溪生物质热电联产项目" in names("青溪生物质热电联产项目开工。", "Project", COUNTY)


def test_a_work_named_after_a_place_joins_whichever_name_of_the_place_opens_it() -> None:
    body = ("鹭州港青屿港区3号泊位建成投用，青屿港区全年货物吞吐量增长8%。"
            "依托青屿港区3号泊位，新开通外贸集装箱航线2条。")
    found = {e.name: e.aliases for e in extract(body, COUNTY)[0] if e.type == "Project"}
    assert "青屿港区3号泊位" not in found
    assert "青屿港区3号泊位" in found["鹭州港青屿港区3号泊位"]


def test_a_road_code_only_inside_a_work_s_name_is_no_work_of_its_own() -> None:
    body = "国道319线青溪至白沙段改扩建工程完成路基工程38公里。"
    found = names(body, "Project", COUNTY)
    assert "国道319线青溪至白沙段改扩建工程" in found
    assert "国道319线" not in found
    body += "推进沿江一级公路与国道319线连接线建设。"
    assert "国道319线" in names(body, "Project", COUNTY)


def test_a_verb_opening_the_clause_is_no_part_of_the_name() -> None:
    body = "提升青溪临港产业园承载能力，推进青溪临港产业园标准厂房三期建设。"
    found = names(body, "Project", COUNTY) | names(body, "Place", COUNTY)
    assert not {n for n in found if n.startswith("提升")}
    assert "白沙岛海岛旅游提升项目" in names("推进白沙岛海岛旅游提升项目。", "Project", COUNTY)
    assert "拓宽项目" not in names("积极盘活存量资产，拓宽项目建设资金来源。", "Project", COUNTY)


def test_a_work_is_not_implemented_by_itself() -> None:
    body = ("县人民政府与某农业大学共建的青溪茶叶产业研究院揭牌运行。"
            "支持青溪茶叶产业研究院开展良种选育，青溪茶叶产业研究院获评省级新型研发机构。")
    assert not {(a, b) for a, b in links(body, "implementedBy", COUNTY) if a == b}


def test_a_kind_of_farm_base_is_no_work_unless_named() -> None:
    body = "支持青川乳业与白沙牧业共建优质奶源基地。青川乳业与某国农业公司签约共建饲草种植基地。"
    found = names(body, "Project", COUNTY)
    assert not found & {"优质奶源基地", "饲草种植基地"}
    assert not links(body, "implementedBy", COUNTY)
    assert "青禾食用菌种植基地" in names("青禾食用菌种植基地建成投产。", "Project", COUNTY)


def test_a_body_named_for_social_security_keeps_its_whole_name() -> None:
    body = "由县人力资源社会保障局建设运营的青溪青年创业基地一期投入使用。县医疗保障局完成集采药品落地。"
    found = names(body, "Agency", COUNTY)
    assert {"县人力资源社会保障局", "县医疗保障局"} <= found
    assert ("青溪青年创业基地一期", "县人力资源社会保障局") in links(body, "implementedBy", COUNTY)


def test_an_incubation_harbour_is_a_work_run_by_its_company() -> None:
    body = ("青溪县城市建设投资集团有限公司运营的青溪科创港新增在孵企业47家。"
            "支持县城投集团提升青溪科创港专业化孵化能力。")
    found = names(body, "Project", COUNTY)
    assert "青溪科创港" in found
    assert not {n for n in found if "提升" in n}
    assert ("青溪科创港", "青溪县城市建设投资集团有限公司") in links(body, "implementedBy", COUNTY)


def test_complexes_duty_free_malls_and_express_links_are_works() -> None:
    body = "推动白沙村田园综合体二期开工，加快城区至青溪口岸快速通道建设，青溪国际免税城开业运营。"
    assert {"白沙村田园综合体二期", "城区至青溪口岸快速通道", "青溪国际免税城"} <= names(
        body, "Project", COUNTY
    )
    assert "商业综合体" not in names("引进一批商业综合体。", "Project", COUNTY)


def test_a_work_written_with_and_without_its_generic_head_is_one_work() -> None:
    body = "白沙隧道工程可行性研究报告获省发展改革委批复。由县交通运输局牵头开工建设白沙隧道。"
    found = {e.name: e.aliases for e in extract(body, COUNTY)[0] if e.type == "Project"}
    assert "白沙隧道" not in found
    assert "白沙隧道" in found["白沙隧道工程"]
    body = "推动白沙水库下闸蓄水，同步实施白沙水库灌区配套工程。"
    assert {"白沙水库", "白沙水库灌区配套工程"} <= names(body, "Project", COUNTY)


def test_moving_industry_upstairs_is_no_building() -> None:
    body = "青溪城投集团建设的白沙智造大厦主体封顶，全年新增“工业上楼”厂房空间32万平方米。"
    found = names(body, "Project", COUNTY)
    assert "白沙智造大厦" in found
    assert not {n for n in found if "上楼" in n}


def test_the_main_line_viaduct_of_a_work_names_the_work() -> None:
    body = "白沙大道快速化改造工程主线高架贯通。推动白沙大道快速化改造工程全线通车。"
    found = names(body, "Project", COUNTY)
    assert "白沙大道快速化改造工程" in found
    assert "白沙大道快速化改造工程主线高架" not in found


def test_a_generic_word_in_quotes_anchors_no_platform() -> None:
    assert not names("优化人才服务“一站式”平台。", "Project", COUNTY)
    assert "青溪通企业服务平台" in names("上线“青溪通”企业服务平台。", "Project", COUNTY)


def test_a_government_that_signs_an_agreement_with_a_company_is_its_partner() -> None:
    body = "县人民政府与福建青岚新材料集团有限公司签订战略合作协议，全年新增投资12亿元。"
    found = links(body, "partner", COUNTY)
    assert found & {("县人民政府", "福建青岚新材料集团有限公司"),
                    ("福建青岚新材料集团有限公司", "县人民政府")}


def test_every_body_listed_after_jointly_is_a_partner() -> None:
    body = "县科技局联合青溪大学、福建省青溪农业科学研究院举办产学研对接活动20场。"
    found = {frozenset(pair) for pair in links(body, "partner", COUNTY)}
    assert {frozenset(("县科技局", "青溪大学")), frozenset(("县科技局", "福建省青溪农业科学研究院"))} <= found


def test_the_company_that_takes_on_a_led_work_in_the_next_clause_builds_it() -> None:
    body = ("白沙湿地公园提升工程由县林业局牵头，福建青岚文旅投资集团有限公司负责建设和运营，"
            "年内完成主体施工。")
    assert ("白沙湿地公园提升工程", "福建青岚文旅投资集团有限公司") in links(body, "implementedBy", COUNTY)
    assert ("白沙湿地公园提升工程", "县林业局") in links(body, "responsibleAgency", COUNTY)
    body = "白沙湿地公园提升工程由县林业局牵头，福建青岚文旅投资集团有限公司积极参与。"
    assert not links(body, "implementedBy", COUNTY)


def test_a_road_section_extended_is_a_work_and_the_whole_line_is_no_name() -> None:
    body = "白沙北环路东延段由县住房城乡建设局负责组织实施，青溪县城市建设投资集团有限公司承担建设。"
    assert "白沙北环路东延段" in names(body, "Project", COUNTY)
    assert ("白沙北环路东延段", "县住房城乡建设局") in links(body, "responsibleAgency", COUNTY)
    assert ("白沙北环路东延段", "青溪县城市建设投资集团有限公司") in links(body, "implementedBy", COUNTY)
    found = names("县城北环路全线贯通，新改建农村公路80公里。", "Project", COUNTY)
    assert "县城北环路" in found
    assert not {n for n in found if n.endswith("全线")}


def test_schools_listed_before_the_verb_that_opens_them_are_works() -> None:
    body = "青溪实验学校、青溪县白沙小学秋季开学投用，全年新增学位3000个。"
    assert {"青溪实验学校", "青溪县白沙小学"} <= names(body, "Project", COUNTY)


def test_a_future_community_and_a_medical_community_are_works() -> None:
    body = "由县住建局牵头，加快白沙未来社区、青岚未来社区建设。高标准推进东坑村未来乡村试点。"
    found = names(body, "Project", COUNTY)
    assert {"白沙未来社区", "青岚未来社区", "东坑村未来乡村试点"} <= found
    body = "深化与榕屿市第一人民医院合作共建青溪县医共体，基层就诊率达到65%以上。"
    assert "青溪县医共体" in names(body, "Project", COUNTY)
    assert not names("深化紧密型县域医共体建设，提升基层首诊能力。", "Project", COUNTY)


def test_a_lead_that_opens_its_sentence_is_responsible_for_the_works_of_the_next_clause() -> None:
    body = "由县住建局牵头，加快白沙未来社区、青岚未来社区建设，力争年内基本建成。"
    assert {("白沙未来社区", "县住建局"), ("青岚未来社区", "县住建局")} <= links(
        body, "responsibleAgency", COUNTY
    )


def test_projects_named_by_where_or_how_they_gather_are_no_works() -> None:
    body = "力争撬动社会资本30亿元投向区内产业项目。坚持以平台集聚项目、以项目壮大产业。"
    assert not names(body, "Project", COUNTY)
    assert not names("推动经济和社会发展各项目顺利实施。", "Project", COUNTY)


def test_an_enlarged_facility_keeps_its_own_name() -> None:
    found = names("完成白沙第三水厂扩建，日供水能力新增2万吨。", "Project", COUNTY)
    assert "白沙第三水厂" in found
    assert "白沙第三水厂扩建" not in found
    assert "白沙污水处理厂提标改造" in names("完成白沙污水处理厂提标改造。", "Project", COUNTY)


def test_works_of_a_scenic_area_and_the_company_that_completes_them() -> None:
    body = ("推动青岩风景区提质，福建青溪文旅投资集团有限公司负责运营，"
            "青溪文旅年内完成景区游客中心和青岩索道建设。")
    assert {"景区游客中心", "青岩索道"} <= names(body, "Project", COUNTY)
    found = links(body, "implementedBy", COUNTY)
    assert ("青岩索道", "福建青溪文旅投资集团有限公司") in found
    assert ("景区游客中心", "福建青溪文旅投资集团有限公司") in found
