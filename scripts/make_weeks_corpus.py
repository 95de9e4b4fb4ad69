#!/usr/bin/env python3
"""A multi-week corpus of Syrian news with known truth, for `tests/weeks.rs`.

The scenario comes first: incidents (day, governorate, town, weapon, victims by group), drawn
with a fixed seed. Then each incident is told by one to three outlets in the manners real
Syrian outlets use — an agency wire, a local network's report, a monitoring group's daily
toll, a follow-up that revises the toll the next day, a roundup of the day — and around them
stand what must not count: a monthly report retold, a background paragraph citing an earlier
incident, a breaking-news ticker, a related-news footer, and distractors (infections, arrests,
displacement, aid money). The truth is the scenario's weekly sums (weeks start on Saturday),
never hasila's output.

Usage: scripts/make_weeks_corpus.py [OUT_DIR]   (default fixtures/weeks)
Writes OUT_DIR/articles.jsonl and OUT_DIR/truth.csv
(week_start,admin1_pcode,category,group,count).
"""

import csv
import datetime as dt
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20240106
START = dt.date(2024, 1, 6)  # a Saturday
WEEKS = 7

# Governorate (P-code, the words for it) and towns of it the gazetteer knows.
GOVS = {
    "SY07": ("إدلب", ["أريحا", "سراقب", "كفرنبل", "جسر الشغور"]),
    "SY02": ("حلب", ["الأتارب", "دارة عزة", "الباب"]),
    "SY05": ("حماة", ["كفرزيتا", "اللطامنة"]),
    "SY12": ("درعا", ["طفس", "نوى"]),
    "SY09": ("دير الزور", ["الميادين"]),
    "SY04": ("حمص", ["تلبيسة"]),
}
WEAPONS = [
    ("قصف مدفعي", "بقصف مدفعي"),
    ("غارة جوية", "بغارة جوية"),
    ("قصف صاروخي", "بقصف صاروخي"),
    ("انفجار عبوة ناسفة", "بانفجار عبوة ناسفة"),
]
DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
WORDS = {1: "واحد", 2: "اثنان", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة",
         8: "ثمانية", 9: "تسعة", 10: "عشرة"}
CHILDREN = {1: "طفل", 2: "طفلان"}
WOMEN = {1: "امرأة", 2: "امرأتان"}


def week_start(d):
    return d - dt.timedelta(days=(d.weekday() - 5) % 7)


def num(rng, n):
    """A number as outlets write it: digits, Eastern digits, or a word."""
    r = rng.random()
    if n in WORDS and r < 0.3:
        return WORDS[n]
    if r < 0.45:
        return str(n).translate(DIGITS)
    return str(n)


def civilians_phrase(rng, n):
    return f"{num(rng, n)} مدنيين" if n > 2 else ("مدنيين اثنين" if n == 2 else "مدني")


def parts_phrase(rng, child, woman):
    parts = []
    if child:
        parts.append(CHILDREN.get(child) or f"{num(rng, child)} أطفال")
    if woman:
        parts.append(WOMEN.get(woman) or f"{num(rng, woman)} نساء")
    return ("، بينهم " + " و".join(parts)) if parts else ""


def incidents(rng):
    out = []
    for w in range(WEEKS):
        for _ in range(rng.randint(7, 9)):
            day = START + dt.timedelta(days=7 * w + rng.randint(0, 6))
            gov = rng.choice(list(GOVS))
            town = rng.choice(GOVS[gov][1])
            kind = rng.random()
            inc = {"day": day, "gov": gov, "town": town, "weapon": rng.choice(WEAPONS),
                   "killed": {}, "wounded": {}}
            if kind < 0.6:
                n = rng.randint(2, 9)
                child = rng.choice([0, 0, 1, 2, 3]) if n > 3 else 0
                woman = rng.choice([0, 1, 2]) if n - child > 2 else 0
                inc["killed"] = {"civilian": n, "child": child, "woman": woman}
                if rng.random() < 0.6:
                    inc["wounded"] = {"civilian": rng.randint(3, 15)}
            elif kind < 0.85:
                inc["killed"] = {"combatant": rng.randint(2, 8)}
                if rng.random() < 0.5:
                    inc["wounded"] = {"combatant": rng.randint(2, 6)}
            else:
                inc["killed"] = {"unspecified": rng.randint(2, 6)}
            # Some tolls are revised upward the next day.
            if "civilian" in inc["killed"] and rng.random() < 0.25:
                inc["first"] = inc["killed"]["civilian"]
                inc["killed"]["civilian"] += rng.randint(1, 3)
            for cat in ("killed", "wounded"):
                inc[cat] = {g: c for g, c in inc[cat].items() if c}
            out.append(inc)
    # Two incidents of one governorate on one day, in different towns, stay two; one town
    # is struck at most once in three days, so no reader could take two for one.
    out.sort(key=lambda i: (i["day"], i["gov"], i["town"]))
    kept = []
    for i in out:
        if any(k["town"] == i["town"] and abs((k["day"] - i["day"]).days) <= 2 for k in kept):
            continue
        kept.append(i)
    return kept


def wire(rng, i, killed):
    gov_ar = GOVS[i["gov"]][0]
    _, by = i["weapon"]
    k = i["killed"]
    if "civilian" in k:
        head = f"قتل {civilians_phrase(rng, killed)}{parts_phrase(rng, k.get('child', 0), k.get('woman', 0))}"
    elif "combatant" in k:
        head = f"قتل {num(rng, k['combatant'])} عناصر من قوات النظام"
    else:
        head = f"لقي {num(rng, k['unspecified'])} أشخاص مصرعهم"
    wounded = ""
    if i["wounded"]:
        (g, w), = i["wounded"].items()
        wounded = f"، وأصيب {num(rng, w)} آخرون"
    return f"{head}{wounded} {by} على مدينة {i['town']} في ريف {gov_ar}، بحسب مصادر محلية."


def local(rng, i, killed):
    gov_ar = GOVS[i["gov"]][0]
    weapon, _ = i["weapon"]
    k = i["killed"]
    if "civilian" in k:
        who = f"{civilians_phrase(rng, killed)}{parts_phrase(rng, k.get('child', 0), k.get('woman', 0))}"
        text = f"أسفر {weapon} على بلدة {i['town']} بريف {gov_ar} عن مقتل {who}"
    elif "combatant" in k:
        text = f"أسفر هجوم على حاجز قرب {i['town']} بريف {gov_ar} عن مقتل {num(rng, k['combatant'])} عناصر من قوات النظام"
    else:
        text = f"أسفر {weapon} في {i['town']} بريف {gov_ar} عن مقتل {num(rng, k['unspecified'])} أشخاص"
    if i["wounded"]:
        (g, w), = i["wounded"].items()
        text += f" وإصابة {num(rng, w)} آخرين"
    return text + "، وفق ما أفاد مراسل الشبكة.\n\nوقال ناشطون إن فرق الدفاع المدني عملت على إسعاف المصابين."


def monitor(rng, i, killed):
    gov_ar = GOVS[i["gov"]][0]
    k = i["killed"]
    if "civilian" in k:
        who = f"{civilians_phrase(rng, killed)}{parts_phrase(rng, k.get('child', 0), k.get('woman', 0))}"
    elif "combatant" in k:
        who = f"{num(rng, k['combatant'])} عناصر من قوات النظام"
    else:
        who = f"{num(rng, k['unspecified'])} أشخاص"
    text = f"وثق المرصد مقتل {who} اليوم في {i['town']} بريف {gov_ar}"
    if i["wounded"]:
        (g, w), = i["wounded"].items()
        text += f"، كما أصيب {num(rng, w)} آخرون بجروح"
    return text + "."


STYLES = [wire, local, monitor]

BACKGROUND = ("وكان {n} مدنيين قد قتلوا في قصف مماثل على مدينة {town} قبل أسبوعين.")
MONTHLY = ("وثقت منظمة حقوقية في تقريرها الشهري مقتل {n} مدنيا في سوريا خلال شهر {month}، "
           "بينهم {c} طفلا و{w} امرأة.")
TICKER = "الأخبار العاجلة\nمقتل {n} مدنيين بغارة على {town} - 09:33\nإصابة {m} أطفال بانفجار في {town2} - 08:10\n\n"
FOOTER = "\n\nالأخبار المتعلقة\nمقتل {n} عناصر في هجوم على حاجز في {town}\nإصابة {m} مدنيين بقصف على {town2}"
DISTRACTORS = [
    "سجلت وزارة الصحة {n} إصابة جديدة بفيروس كورونا في {gov}، ليرتفع العدد الإجمالي إلى {m} إصابة.",
    "اعتقلت قوات الأمن {n} شابا في مدينة {town} بعد مداهمات.",
    "نزح أكثر من {m} شخص من ريف {gov} خلال الأيام الماضية بسبب القصف.",
    "قدمت منظمة إغاثية مساعدات بقيمة {m} دولار لـ {n} عائلة في {town}.",
]


def main():
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures/weeks")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    incs = incidents(rng)
    articles = []
    truth = defaultdict(int)

    def add(date, source, text, title=None):
        a = {"id": f"w{len(articles):03d}", "date": date.isoformat(), "source": source, "text": text}
        if title:
            a["title"] = title
        articles.append(a)

    for i in incs:
        wk = week_start(i["day"])
        for cat in ("killed", "wounded"):
            groups = i[cat]
            for g, c in groups.items():
                truth[(wk, i["gov"], cat, g)] += c
            if groups:
                total = groups.get("civilian", 0) + groups.get("combatant", 0) + groups.get("unspecified", 0)
                truth[(wk, i["gov"], cat, "all")] += total
        final = i["killed"].get("civilian") or 0
        first = i.get("first", final)
        outlets = rng.sample(range(len(STYLES)), rng.randint(2, 3))
        for k, o in enumerate(outlets):
            style = STYLES[o]
            # The first report of a revised toll gives the first count; later ones the last.
            shown = first if k == 0 else final
            text = style(rng, i, shown)
            if rng.random() < 0.2:
                text = TICKER.format(n=rng.randint(2, 9), m=rng.randint(2, 5),
                                     town=rng.choice(GOVS["SY07"][1]),
                                     town2=rng.choice(GOVS["SY02"][1])) + text
            if rng.random() < 0.2:
                text += " " + BACKGROUND.format(n=rng.randint(3, 12), town=i["town"])
            if rng.random() < 0.25:
                text += FOOTER.format(n=rng.randint(2, 9), m=rng.randint(2, 9),
                                      town=rng.choice(GOVS["SY05"][1]),
                                      town2=rng.choice(GOVS["SY12"][1]))
            add(i["day"], f"outlet-{'abc'[o]}", text)
        if "first" in i:
            gov_ar = GOVS[i["gov"]][0]
            later = i["day"] + dt.timedelta(days=1)
            add(later, "outlet-d",
                f"قتل {civilians_phrase(rng, final)} في {i['weapon'][0]} على مدينة {i['town']} "
                f"بريف {gov_ar} أمس، بعد انتشال جثث من تحت الأنقاض.")
    # Roundups: the day's incidents of two governorates in one article, each with its town.
    by_day = defaultdict(list)
    for i in incs:
        by_day[i["day"]].append(i)
    for day, day_incs in sorted(by_day.items()):
        if len(day_incs) >= 2 and rng.random() < 0.8:
            parts = [monitor(rng, i, i["killed"].get("civilian") or 0) for i in day_incs[:2]]
            if day_incs[0]["gov"] != day_incs[1]["gov"]:
                add(day, "outlet-e", "حصاد اليوم الميداني\n\n" + "\n\n".join(parts))
    # What must not count: monthly reports, distractors.
    for w in range(WEEKS):
        day = START + dt.timedelta(days=7 * w + 3)
        month = ["كانون الثاني", "شباط"][day.month - 1]
        add(day, "outlet-f", MONTHLY.format(n=rng.randint(150, 400), month=month,
                                             c=rng.randint(20, 60), w=rng.randint(10, 30)))
        for t in rng.sample(DISTRACTORS, 4):
            gov = rng.choice(list(GOVS))
            add(day + dt.timedelta(days=1), "outlet-g",
                t.format(n=rng.randint(10, 90), m=rng.randint(1000, 90000),
                         gov=GOVS[gov][0], town=rng.choice(GOVS[gov][1])))
    articles.sort(key=lambda a: (a["date"], a["id"]))
    with open(out_dir / "articles.jsonl", "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(out_dir / "truth.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["week_start", "admin1_pcode", "category", "group", "count"])
        for (wk, gov, cat, g), c in sorted(truth.items()):
            w.writerow([wk.isoformat(), gov, cat, g, c])
    print(f"{len(articles)} articles, {len(incs)} incidents, {len(truth)} weekly cells", file=sys.stderr)


if __name__ == "__main__":
    main()
