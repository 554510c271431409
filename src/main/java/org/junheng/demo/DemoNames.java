package org.junheng.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Chinese names for the generated county: towns, villages and teachers. */
final class DemoNames {

	static final List<String> TOWNS = List.of("青石", "白鹤", "龙泉", "桃园", "双河", "石门", "永安", "民胜", "沙溪", "铁佛",
			"麻石", "洪口", "广纳", "涪阳", "陈河", "瓦室", "烟溪", "春在");

	static final List<String> VILLAGES = List.of("东岳", "长坪", "柳林", "鹿鸣", "金竹", "杨柏", "松林", "凤凰", "梨树", "高桥",
			"黄柏", "新场", "水口", "石板", "竹园", "马鞍", "中坝", "岩门", "红星", "茶园", "大坪", "光明", "碑坝", "平溪");

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯秀梅晨欣怡婷雪琳思雨佳宁晓燕鹏飞志国海波春";

	static final List<String> PRIMARY_SUBJECTS = List.of("语文", "语文", "语文", "数学", "数学", "数学", "英语", "科学",
			"道德与法治", "信息技术");

	static final List<String> JUNIOR_SUBJECTS = List.of("语文", "语文", "数学", "数学", "英语", "英语", "物理", "化学", "生物",
			"历史", "地理", "道德与法治", "信息技术");

	private DemoNames() {
	}

	static String person(RandomGenerator random) {
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(10) < 6 ? 2 : 1;
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

}
