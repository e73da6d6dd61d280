// Fictional names for the demo data: every person and enterprise in it is invented.
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰春梅海燕文斌宇浩凯鹏飞晨阳婷雪琳欣怡子涵梓轩诗涵雨萱俊杰建华永刚丽娟晓东晓燕红梅德明秀珍金凤'.match(
    /./gu,
  )!;

export const ENTERPRISE_STEMS: Record<string, string[]> = {
  vanadium_titanium: ['钒钛新材料', '钛白粉', '钒制品', '钢铁冶炼', '钛合金精密铸造', '矿业', '钒电池储能', '钛材加工', '冶金机械'],
  health_care: ['康养旅居', '颐养中心', '康复医院', '阳光康养', '养老服务', '健康管理'],
  modern_service: ['家政服务', '电子商务', '物流', '文旅', '酒店管理', '物业服务', '餐饮管理'],
  other: ['建筑工程', '芒果种植合作社', '机电设备', '汽车维修', '农业科技'],
};
