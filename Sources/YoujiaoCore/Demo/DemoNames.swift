import Foundation

/// Synthetic Chinese names. Surname weights are rough national frequencies (assumption, for
/// variety only); no real person is meant.
enum DemoNames {
    static let surnames = WeightedTable<String>([
        ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 5.0), ("杨", 3.1), ("黄", 2.2), ("赵", 2.0),
        ("吴", 2.0), ("周", 2.0), ("徐", 1.8), ("孙", 1.5), ("马", 1.2), ("朱", 1.4), ("胡", 1.1), ("郭", 1.1),
        ("何", 1.0), ("高", 1.0), ("林", 1.0), ("罗", 0.9), ("郑", 0.9), ("梁", 0.8), ("谢", 0.7), ("宋", 0.7),
        ("唐", 0.7), ("许", 0.7), ("韩", 0.6), ("冯", 0.6), ("邓", 0.6), ("曹", 0.6), ("彭", 0.5), ("曾", 0.5),
        ("肖", 0.5), ("田", 0.5), ("董", 0.5), ("袁", 0.5), ("潘", 0.5), ("于", 0.4), ("蒋", 0.5), ("蔡", 0.4),
        ("余", 0.4), ("杜", 0.4), ("叶", 0.4), ("程", 0.4), ("苏", 0.4), ("魏", 0.4), ("吕", 0.4), ("丁", 0.4),
        ("任", 0.4), ("沈", 0.6), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3), ("钟", 0.3), ("谭", 0.3),
        ("陆", 0.5), ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("顾", 0.5), ("钱", 0.3), ("戴", 0.2), ("施", 0.3),
        ("严", 0.2), ("倪", 0.2), ("龚", 0.2), ("秦", 0.2), ("邵", 0.2), ("方", 0.3),
    ])

    static let boyCharacters = Array("伟强磊军勇杰涛斌浩宇俊轩睿博文昊然晨阳子豪鹏辰泽铭皓宸烨逸凯翔明华建国志坚毅恒嘉诚")
        .map(String.init)
    static let girlCharacters = Array("芳娜敏静丽艳娟霞婷雪琳颖佳欣怡萱涵梓晴悦瑶琪蕾雨彤诗语婉馨妍思月玥可心慧洁燕")
        .map(String.init)
    static let sharedCharacters = Array("一子梓雨晨嘉思安星可天亦乐若云海君宁知清和远").map(String.init)

    static func personName(_ gender: Gender, surname: String, random: inout DemoRandom) -> String {
        let own = gender == .male ? boyCharacters : girlCharacters
        let first = random.chance(0.3) ? random.pick(sharedCharacters) : random.pick(own)
        return random.chance(0.15) ? surname + first : surname + first + random.pick(own)
    }

    /// Two-character place-like stems for school names (many are real Shanghai street or area
    /// names; pairing them with any district is fiction).
    static let schoolStems = """
        梅园 华山 长江 世纪 海棠 建平 东昌 明珠 阳光 蓝天 新世纪 实验 育才
        育英 晨光 曙光 春晖 向阳 启明 格致 致远 新城 金桥 花木 洋泾 塘桥
        潍坊 陆家嘴 张江 川沙 高行 高桥 三林 周浦 航头 惠南 书院 泥城 临港
        祝桥 古美 梅陇 莘庄 七宝 虹桥 华漕 浦江 颛桥 马桥 吴泾 淞南 大场
        罗店 月浦 杨行 顾村 庙行 友谊 通河 共康 南翔 安亭 马陆 徐行 华亭
        外冈 江桥 菊园 泗泾 九亭 洞泾 佘山 车墩 叶榭 新浜 永丰 方松 中山
        岳阳 朱家角 练塘 金泽 赵巷 徐泾 华新 白鹤 重固 盈浦 夏阳 南桥 奉城
        庄行 金汇 青村 柘林 海湾 西渡 四团 城桥 堡镇 新河 陈家镇 庙镇 竖新
        向化 长兴 横沙 石化 朱泾 枫泾 亭林 张堰 廊下 吕巷 漕泾 山阳 曹杨
        真如 长征 桃浦 万里 甘泉 宜川 石泉 长风 天山 仙霞 虹桥路 新泾 北新泾
        程家桥 江苏路 华阳 淮海 瑞金 打浦 老西门 豫园 外滩 南京东路 半淞园
        小东门 五里桥 徐家汇 枫林 田林 康健 漕河泾 凌云 龙华 华泾 斜土 长桥
        天目 芷江 彭浦 临汾 大宁 共和 宝山路 北站 曹家渡 江宁 石门 静安寺
        南京西路 四川北路 嘉兴 欧阳 曲阳 广中 凉城 江湾 提篮桥 北外滩 五角场
        控江 延吉 殷行 长白 定海 大桥 平凉 四平 新江湾 复兴 建设 光明 和平
        团结 民主 爱国 振华 兴华 崇文 尚德 明德 启智 博雅 思源 求真 景山
        鹤沙 惠民 新港 南汇 航城 金杨 东方 浦兴 沪东 上南 周家渡 南码头 北蔡
        康桥 御桥 六灶 宣桥
        """.split(whereSeparator: \.isWhitespace).map(String.init).uniqued()

    static let chineseDigits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1 → 一, 12 → 十二, 20 → 二十 (enough for ordinals in school names).
    static func chineseNumber(_ n: Int) -> String {
        precondition(n > 0 && n < 100)
        if n < 10 { return chineseDigits[n] }
        return (n / 10 == 1 ? "" : chineseDigits[n / 10]) + "十" + chineseDigits[n % 10]
    }

    /// Hometowns of non-local families: real GB/T 2260 county codes in the provinces that send
    /// most migrants to Shanghai; weights are an assumption (安徽 and 江苏 lead, after the
    /// census-era pattern, not a found figure).
    static let otherProvinceAreaCodes = WeightedTable<String>([
        ("340102", 3), ("341221", 5), ("341222", 5), ("340421", 3), ("341021", 2), ("341523", 3),   // 安徽
        ("320102", 2), ("320321", 3), ("321282", 2), ("320923", 3), ("321322", 3),                   // 江苏
        ("410102", 1), ("411522", 2), ("411521", 2), ("411323", 2),                                  // 河南
        ("510722", 2), ("511621", 2), ("510106", 1),                                                 // 四川
        ("360121", 2), ("360124", 2),                                                                // 江西
        ("330102", 1), ("330382", 2),                                                                // 浙江
        ("420102", 1), ("421127", 2), ("370102", 1), ("371321", 2), ("430102", 1), ("350102", 1),    // 鄂 鲁 湘 闽
        ("230102", 1), ("610102", 1), ("500101", 2),                                                 // 黑 陕 渝
    ])
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
