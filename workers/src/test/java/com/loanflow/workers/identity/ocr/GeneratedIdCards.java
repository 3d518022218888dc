package com.loanflow.workers.identity.ocr;

import com.loanflow.workers.identity.ChineseIdNumber;
import com.loanflow.workers.identity.sandbox.SandboxIdCard.CardFace;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/** Random but plausible card fronts: common surnames and given-name characters, real-looking addresses, valid IDs. */
final class GeneratedIdCards {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉文海云飞鹏辉波宁春燕晓东雪梅凤俊峰";
    private static final List<String[]> PLACES = List.of(
            new String[] {"110101", "北京市东城区"}, new String[] {"310115", "上海市浦东新区"},
            new String[] {"440305", "广东省深圳市南山区"}, new String[] {"330106", "浙江省杭州市西湖区"},
            new String[] {"510107", "四川省成都市武侯区"}, new String[] {"420106", "湖北省武汉市武昌区"},
            new String[] {"320102", "江苏省南京市玄武区"}, new String[] {"610113", "陕西省西安市雁塔区"});
    private static final String ROADS = "人民和平建设解放中山长江新华胜利朝阳光明东风幸福文化";
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy.MM.dd");

    private GeneratedIdCards() {
    }

    static CardFace next(Random random) {
        String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random, 1 + random.nextInt(2));
        String[] place = PLACES.get(random.nextInt(PLACES.size()));
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 44));
        int sequence = random.nextInt(1000);
        String first17 = place[0] + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        String idNumber = first17 + ChineseIdNumber.checkCharacter(first17);
        int road = random.nextInt(ROADS.length() / 2) * 2;
        String address = place[1] + ROADS.substring(road, road + 2) + (random.nextBoolean() ? "路" : "街")
                + (1 + random.nextInt(300)) + "号";
        LocalDate issued = LocalDate.of(2012, 1, 1).plusDays(random.nextInt(365 * 12));
        int years = random.nextInt(3) == 0 ? 10 : 20;
        String validUntil = random.nextInt(10) == 0 ? "长期" : issued.plusYears(years).format(PRINTED);
        return new CardFace(name, sequence % 2 == 1 ? "男" : "女", "汉", birth, address, idNumber,
                issued.format(PRINTED), validUntil);
    }

    private static String given(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return out.toString();
    }
}
