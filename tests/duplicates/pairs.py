# ruff: noqa: E501 - the labelled texts are kept whole, one per line
"""A labelled set of text pairs for duplicate detection: Chinese and English, true and false duplicates.

True duplicates are the same text re-submitted with the edits people make: words swapped for
synonyms, sentences reordered, a sentence added or dropped, punctuation and spacing changed. False
ones share the topic and much of the vocabulary but say something else, or are unrelated.
"""

from __future__ import annotations

# (language, first, second, is a duplicate)
PAIRS: list[tuple[str, str, str, bool]] = [
    # Chinese: true duplicates
    (
        "zh",
        "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器和比例调节阀。控制器根据型腔温度调节冷却水流量，使制品冷却均匀，缩短成型周期约百分之二十。",
        "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器以及比例调节阀。控制器根据型腔温度调节冷却水的流量，使制品冷却均匀，成型周期缩短约百分之二十。",
        True,
    ),
    (
        "zh",
        "纺织车间的细纱机加装在线断纱检测装置后，挡车工的巡回路线可以缩短一半。装置通过光电传感器识别断头，并把位置发送到车间看板，维修人员按看板提示接头。",
        "细纱机加装在线断纱检测装置以后，纺织车间挡车工的巡回路线可以缩短一半。装置用光电传感器识别断头，把位置发送到车间看板，维修人员按照看板提示接头。",
        True,
    ),
    (
        "zh",
        "本报告总结了长三角地区汽车零部件企业数字化转型的经验。多数企业从设备联网和数据采集起步，再逐步建设制造执行系统。报告建议中小企业优先选择云端部署，降低初始投入。",
        "本报告总结了长三角地区汽车零部件企业数字化转型的经验。报告建议中小企业优先选择云端部署，降低初始投入。多数企业从设备联网和数据采集起步，再逐步建设制造执行系统。",
        True,
    ),
    (
        "zh",
        "陶瓷釉料配方优化试验表明，提高氧化锌含量可以降低烧成温度，同时保持釉面光泽。试验在三个窑炉上重复进行，结果一致。建议企业在节能改造中优先调整釉料配方。",
        "陶瓷釉料配方优化试验表明，提高氧化锌含量可以降低烧成温度，同时保持釉面光泽。试验在三个窑炉上重复进行，结果一致。建议企业在节能改造中优先调整釉料配方。附件给出了详细的配料表。",
        True,
    ),
    (
        "zh",
        "铝合金压铸件气孔缺陷的成因主要是卷气和氢气析出。通过优化浇注系统、提高模具排气能力并控制熔体含氢量，可以显著减少气孔。本文给出了某企业的改进实例。",
        "铝合金压铸件气孔缺陷的成因主要是卷气与氢气析出。通过优化浇注系统、提高模具的排气能力并控制熔体含氢量，可以显著减少气孔。本文给出某企业的改进实例。",
        True,
    ),
    (
        "zh",
        "智能仓储系统采用堆垛机和穿梭车组合，实现原材料自动入库和按订单拣选。仓库管理软件与企业资源计划系统对接，库存数据实时更新，盘点时间从三天减少到半天。",
        "智能仓储系统采用堆垛机与穿梭车组合，实现原材料的自动入库和按订单拣选。仓库管理软件同企业资源计划系统对接，库存数据实时更新，盘点时间由三天减少到半天。",
        True,
    ),
    (
        "zh",
        "光伏组件层压工艺中，层压温度和抽真空时间决定了交联度。我们在不同参数下测试了交联度和剥离强度，发现一百四十五度、抽真空六分钟时综合性能最好。",
        "在光伏组件层压工艺中，层压温度和抽真空时间决定了交联度。我们在不同参数下测试了交联度与剥离强度，发现一百四十五度、抽真空六分钟时综合性能最好。",
        True,
    ),
    (
        "zh",
        "家具企业使用数控开料机后，板材利用率提高到百分之九十二。排版软件根据订单自动生成切割方案，余料编号入库，供后续小件使用。",
        "家具企业使用数控开料机以后，板材利用率提高到了百分之九十二。排版软件根据订单自动生成切割方案，余料编号入库，供后续的小件使用。",
        True,
    ),
    (
        "zh",
        "电机定子绕线工艺规范：绕线前检查漆包线规格和绝缘等级，绕线张力保持在规定范围内，每槽匝数偏差不超过一匝。完成后进行耐压测试和匝间测试。",
        "电机定子绕线工艺规范：绕线前检查漆包线的规格和绝缘等级，绕线张力保持在规定范围，每槽匝数偏差不超过一匝。完成以后进行耐压测试和匝间测试。",
        True,
    ),
    (
        "zh",
        "食品包装车间的金属检测机应每班校验一次，使用铁、非铁和不锈钢三种标准测试块。校验不合格时，应隔离上次校验以来生产的全部产品并重新检测。",
        "食品包装车间的金属检测机应当每班校验一次，使用铁、非铁和不锈钢三种标准测试块。校验不合格时，应隔离自上次校验以来生产的全部产品并重新检测。记录保存两年。",
        True,
    ),
    (
        "zh",
        "数控机床主轴热变形补偿方法：在主轴箱布置四个温度传感器，建立温度与轴向伸长的回归模型，由数控系统实时补偿坐标，加工精度提高百分之四十。",
        "数控机床主轴热变形的补偿方法：在主轴箱布置四个温度传感器，建立温度和轴向伸长的回归模型，由数控系统实时补偿坐标，使加工精度提高百分之四十。",
        True,
    ),
    (
        "zh",
        "本标准规定了服装企业订单生产的质量抽检程序，包括抽样数量、检验项目、缺陷分类和判定规则。适用于针织和梭织成衣。",
        "本标准规定了服装企业订单生产的质量抽检程序，包括抽样数量、检验项目、缺陷分类与判定规则。本标准适用于针织和梭织成衣。",
        True,
    ),
    # Chinese: false duplicates (same field, different content), and unrelated pairs
    (
        "zh",
        "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器和比例调节阀。控制器根据型腔温度调节冷却水流量，使制品冷却均匀，缩短成型周期约百分之二十。",
        "本发明涉及一种注塑模具的顶出机构，包括顶针板、复位弹簧和液压油缸。顶出行程由位移传感器监测，防止制品粘模和顶白，适用于薄壁制品的大批量生产。",
        False,
    ),
    (
        "zh",
        "纺织车间的细纱机加装在线断纱检测装置后，挡车工的巡回路线可以缩短一半。装置通过光电传感器识别断头，并把位置发送到车间看板，维修人员按看板提示接头。",
        "纺织车间的空调系统改造后，车间温湿度波动明显减小，细纱断头率随之下降。改造采用变频风机和露点控制，每年节约电费约三十万元。",
        False,
    ),
    (
        "zh",
        "本报告总结了长三角地区汽车零部件企业数字化转型的经验。多数企业从设备联网和数据采集起步，再逐步建设制造执行系统。报告建议中小企业优先选择云端部署，降低初始投入。",
        "本报告分析了珠三角地区家电企业出口面临的贸易壁垒，包括能效标准、环保法规和认证要求，并提出通过共建检测平台分担认证成本的建议。",
        False,
    ),
    (
        "zh",
        "陶瓷釉料配方优化试验表明，提高氧化锌含量可以降低烧成温度，同时保持釉面光泽。试验在三个窑炉上重复进行，结果一致。建议企业在节能改造中优先调整釉料配方。",
        "陶瓷窑炉余热回收方案：在冷却带加装换热器，把热风送入干燥窑，干燥能耗降低四成。方案投资回收期约两年，适合辊道窑生产线。",
        False,
    ),
    (
        "zh",
        "铝合金压铸件气孔缺陷的成因主要是卷气和氢气析出。通过优化浇注系统、提高模具排气能力并控制熔体含氢量，可以显著减少气孔。本文给出了某企业的改进实例。",
        "铝合金压铸件的表面处理采用微弧氧化工艺，膜层硬度高、耐腐蚀性好。本文比较了不同电解液配方下膜层的厚度和结合力。",
        False,
    ),
    (
        "zh",
        "智能仓储系统采用堆垛机和穿梭车组合，实现原材料自动入库和按订单拣选。仓库管理软件与企业资源计划系统对接，库存数据实时更新，盘点时间从三天减少到半天。",
        "智能工厂的能源管理系统采集各车间的电、气、水用量，按产品核算单位能耗，并在超出定额时向班组长发出提醒。",
        False,
    ),
    (
        "zh",
        "光伏组件层压工艺中，层压温度和抽真空时间决定了交联度。我们在不同参数下测试了交联度和剥离强度，发现一百四十五度、抽真空六分钟时综合性能最好。",
        "光伏电站运维手册：组件每季度清洗一次，逆变器每月巡检，发现热斑组件应及时更换。手册附有常见故障代码表。",
        False,
    ),
    (
        "zh",
        "家具企业使用数控开料机后，板材利用率提高到百分之九十二。排版软件根据订单自动生成切割方案，余料编号入库，供后续小件使用。",
        "电机定子绕线工艺规范：绕线前检查漆包线规格和绝缘等级，绕线张力保持在规定范围内，每槽匝数偏差不超过一匝。完成后进行耐压测试和匝间测试。",
        False,
    ),
    (
        "zh",
        "食品包装车间的金属检测机应每班校验一次，使用铁、非铁和不锈钢三种标准测试块。校验不合格时，应隔离上次校验以来生产的全部产品并重新检测。",
        "食品包装车间的清洁消毒规程：每班结束后清理传送带和封口机，每周用食品级消毒剂对接触面消毒一次，并填写清洁记录。",
        False,
    ),
    (
        "zh",
        "数控机床主轴热变形补偿方法：在主轴箱布置四个温度传感器，建立温度与轴向伸长的回归模型，由数控系统实时补偿坐标，加工精度提高百分之四十。",
        "数控机床刀具寿命管理方法：系统记录每把刀具的切削时间和加工件数，到达寿命前提醒换刀，断刀检测由主轴电流判断。",
        False,
    ),
    (
        "zh",
        "本标准规定了服装企业订单生产的质量抽检程序，包括抽样数量、检验项目、缺陷分类和判定规则。适用于针织和梭织成衣。",
        "本标准规定了服装企业的安全生产管理要求，包括消防设施、电气线路和员工培训。适用于缝制车间和仓库。",
        False,
    ),
    # English: true duplicates
    (
        "en",
        "This guide explains how to calibrate the torque sensors on the assembly line. Each sensor is checked against a reference wrench every week, and any drift above two percent is corrected before the next shift starts.",
        "This guide explains how to calibrate the torque sensors on the assembly line. Every sensor is checked against a reference wrench each week, and any drift above two percent is corrected before the next shift starts.",
        True,
    ),
    (
        "en",
        "We measured the energy use of compressed air systems in twelve textile mills. Leaks accounted for a third of the consumption. Fixing them and lowering the network pressure by one bar cut the electricity bill by eighteen percent.",
        "We measured the energy use of compressed air systems in twelve textile mills. Fixing the leaks and lowering the network pressure by one bar cut the electricity bill by eighteen percent. Leaks accounted for a third of the consumption.",
        True,
    ),
    (
        "en",
        "The design uses a modular aluminium frame that can be assembled without welding. Standard profiles are joined with cast corner brackets, so a small workshop can build the machine guard with ordinary hand tools.",
        "The design uses a modular aluminium frame which can be assembled without welding. Standard profiles are joined with cast corner brackets, so that a small workshop can build the machine guard with ordinary hand tools. Drawings are attached.",
        True,
    ),
    (
        "en",
        "Our process for recycling offcuts of carbon fibre prepreg: the offcuts are sorted by resin system, cut into chips, and compression moulded into brackets. The recycled parts keep about seventy percent of the stiffness of virgin material.",
        "Our process for recycling offcuts of carbon-fibre prepreg: offcuts are sorted by resin system, cut into chips and compression moulded into brackets. The recycled parts keep about seventy percent of the stiffness of the virgin material.",
        True,
    ),
    (
        "en",
        "A checklist for supplier audits in the electronics cluster covers incoming inspection, solder paste storage, reflow profile records, electrostatic discharge protection and traceability of components.",
        "Checklist for supplier audits in the electronics cluster: it covers incoming inspection, solder paste storage, reflow profile records, electrostatic discharge protection and the traceability of components.",
        True,
    ),
    (
        "en",
        "The dataset records hourly temperature, humidity and yarn breakage on forty spinning frames over six months. It can be used to train models that predict breakage from climate conditions in the mill.",
        "The dataset records hourly temperature, humidity and yarn breakage on forty spinning frames over six months. It may be used to train models that predict breakage from the climate conditions in the mill.",
        True,
    ),
    (
        "en",
        "Vibration monitoring of pump bearings: an accelerometer on each bearing housing sends its spectrum every ten minutes. Rising energy at the bearing defect frequencies triggers a work order weeks before failure.",
        "Vibration monitoring of pump bearings. An accelerometer on each bearing housing sends its spectrum every ten minutes; rising energy at the bearing defect frequencies triggers a work order weeks before a failure.",
        True,
    ),
    (
        "en",
        "Lessons learned from moving a furniture factory to lean production: value stream mapping showed that parts waited eleven days between cutting and assembly. Cells and a pull system reduced this to two days.",
        "Lessons learned from moving a furniture factory to lean production. Value stream mapping showed that parts waited eleven days between cutting and assembly; cells and a pull system reduced this to two days. Inventory fell by half.",
        True,
    ),
    (
        "en",
        "The coating line uses a water based primer that cures at eighty degrees, which halves the oven energy compared with the solvent primer it replaced, while passing the same salt spray test.",
        "The coating line uses a water-based primer that cures at eighty degrees. This halves the oven energy compared with the solvent primer it replaced, while it passes the same salt spray test.",
        True,
    ),
    (
        "en",
        "Procedure for safe changeover of injection moulds: isolate the machine, lower the mould onto the trolley, disconnect water and hot runner lines, then lift with the certified crane and check the clamps on the new mould.",
        "Procedure for the safe changeover of injection moulds: isolate the machine, lower the mould onto the trolley, disconnect the water and hot runner lines, then lift with the certified crane and check the clamps of the new mould.",
        True,
    ),
    (
        "en",
        "Market study of industrial robots for small metalworking firms: payback is under three years when a robot tends two machines, and collaborative robots need less guarding and floor space.",
        "Market study of industrial robots for small metalworking firms. Payback is under three years when one robot tends two machines; collaborative robots need less guarding and less floor space.",
        True,
    ),
    # English: false duplicates
    (
        "en",
        "This guide explains how to calibrate the torque sensors on the assembly line. Each sensor is checked against a reference wrench every week, and any drift above two percent is corrected before the next shift starts.",
        "This guide explains how to replace the torque sensors on the assembly line when they fail. Order spare sensors from the approved supplier, remove the housing, and record the serial number in the maintenance system.",
        False,
    ),
    (
        "en",
        "We measured the energy use of compressed air systems in twelve textile mills. Leaks accounted for a third of the consumption. Fixing them and lowering the network pressure by one bar cut the electricity bill by eighteen percent.",
        "We measured water use in twelve dyeing plants. Counter-current rinsing and reuse of cooling water reduced fresh water intake by a quarter without affecting colour fastness.",
        False,
    ),
    (
        "en",
        "The design uses a modular aluminium frame that can be assembled without welding. Standard profiles are joined with cast corner brackets, so a small workshop can build the machine guard with ordinary hand tools.",
        "The design uses a welded steel frame for the press, stress relieved after welding. Heavy plates carry the hydraulic cylinder, and the frame is machined in one setup for accuracy.",
        False,
    ),
    (
        "en",
        "Our process for recycling offcuts of carbon fibre prepreg: the offcuts are sorted by resin system, cut into chips, and compression moulded into brackets. The recycled parts keep about seventy percent of the stiffness of virgin material.",
        "Our process for storing carbon fibre prepreg: rolls are kept frozen at minus eighteen degrees, thawed in sealed bags before use, and the out-life is logged for each roll.",
        False,
    ),
    (
        "en",
        "A checklist for supplier audits in the electronics cluster covers incoming inspection, solder paste storage, reflow profile records, electrostatic discharge protection and traceability of components.",
        "A training plan for new operators in the electronics cluster: two weeks of soldering practice, certification to the workmanship standard, then supervised work on the line.",
        False,
    ),
    (
        "en",
        "The dataset records hourly temperature, humidity and yarn breakage on forty spinning frames over six months. It can be used to train models that predict breakage from climate conditions in the mill.",
        "The dataset lists the export prices of cotton yarn by count and destination for the last ten years, compiled from customs statistics.",
        False,
    ),
    (
        "en",
        "Vibration monitoring of pump bearings: an accelerometer on each bearing housing sends its spectrum every ten minutes. Rising energy at the bearing defect frequencies triggers a work order weeks before failure.",
        "Thermal imaging of electrical cabinets: an infrared survey every quarter finds loose connections that run hot, before they cause a fire or a stoppage.",
        False,
    ),
    (
        "en",
        "Lessons learned from moving a furniture factory to lean production: value stream mapping showed that parts waited eleven days between cutting and assembly. Cells and a pull system reduced this to two days.",
        "The coating line uses a water based primer that cures at eighty degrees, which halves the oven energy compared with the solvent primer it replaced, while passing the same salt spray test.",
        False,
    ),
    (
        "en",
        "Procedure for safe changeover of injection moulds: isolate the machine, lower the mould onto the trolley, disconnect water and hot runner lines, then lift with the certified crane and check the clamps on the new mould.",
        "Procedure for the daily start-up of injection moulding machines: check the oil level, preheat the barrel, purge the material, and run five shots before production.",
        False,
    ),
    (
        "en",
        "Market study of industrial robots for small metalworking firms: payback is under three years when a robot tends two machines, and collaborative robots need less guarding and floor space.",
        "Market study of laser cutting services for small metalworking firms: shared machines in an industrial park cut prices by a third compared with owning a laser.",
        False,
    ),
    # Mixed: the same text, bilingual summary added
    (
        "zh",
        "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器和比例调节阀。控制器根据型腔温度调节冷却水流量，使制品冷却均匀，缩短成型周期约百分之二十。",
        "本发明涉及一种注塑模具的快速冷却系统，包括随形冷却水道、温度传感器和比例调节阀。控制器根据型腔温度调节冷却水流量，使制品冷却均匀，缩短成型周期约百分之二十。Rapid cooling for injection moulds.",
        True,
    ),
    (
        "en",
        "The design uses a modular aluminium frame that can be assembled without welding. Standard profiles are joined with cast corner brackets, so a small workshop can build the machine guard with ordinary hand tools.",
        "本设计采用模块化铝合金框架，无需焊接即可装配。标准型材用铸造角码连接，小型车间用普通手工工具就能制作机床防护罩。",
        False,
    ),
    # Hard cases, kept to measure honestly: heavy rewrites of the same content (true), and different
    # documents that share long boilerplate (false).
    (
        "zh",
        "智能仓储系统采用堆垛机和穿梭车组合，实现原材料自动入库和按订单拣选。仓库管理软件与企业资源计划系统对接，库存数据实时更新，盘点时间从三天减少到半天。",
        "我们的立体仓库用堆垛机加穿梭车，原料进库全自动，出库按订单拣货。仓储软件接入ERP，库存随时准确，过去盘点要三天，现在半天就够。",
        True,
    ),
    (
        "en",
        "We measured the energy use of compressed air systems in twelve textile mills. Leaks accounted for a third of the consumption. Fixing them and lowering the network pressure by one bar cut the electricity bill by eighteen percent.",
        "In a survey of twelve textile mills, a third of the air compressors' electricity went to leaks. Once the leaks were repaired and the pressure reduced by one bar, power costs fell by eighteen percent.",
        True,
    ),
    (
        "en",
        "Vibration monitoring of pump bearings: an accelerometer on each bearing housing sends its spectrum every ten minutes. Rising energy at the bearing defect frequencies triggers a work order weeks before failure.",
        "Pump bearings are watched by accelerometers mounted on their housings, reporting a spectrum each ten minutes; when energy grows at the defect frequencies, maintenance gets a work order long before the bearing fails.",
        True,
    ),
    (
        "zh",
        "本标准规定了企业知识资产共享的基本要求，包括资产登记、访问控制、许可条款和使用记录。本标准适用于产业集群内的企业。第五章规定了专利许可的费用计算方法。",
        "本标准规定了企业知识资产共享的基本要求，包括资产登记、访问控制、许可条款和使用记录。本标准适用于产业集群内的企业。第五章规定了数据集发布前的脱敏处理流程。",
        False,
    ),
    (
        "en",
        "Terms of use: this document is shared under the cluster's licence, may be cited with attribution, and may not be redistributed outside the cluster. Summary: a method for drying timber with solar heat.",
        "Terms of use: this document is shared under the cluster's licence, may be cited with attribution, and may not be redistributed outside the cluster. Summary: a fixture for drilling hinge holes in cabinet doors.",
        False,
    ),
    (
        "en",
        "Quarterly report of the textile cluster: membership grew to forty firms, twelve new assets were shared, and three joint challenges were launched on dyeing, recycling and automation.",
        "Quarterly report of the textile cluster: membership grew to forty-five firms, nine new assets were shared, and two joint challenges were launched on logistics and energy.",
        False,
    ),
]
