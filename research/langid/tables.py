"""REPORT.md's macro / per-language tables from results/preds.jsonl → results/report-tables.md.
`python3 tables.py > results/report-tables.md`"""
import json, collections

P = [json.loads(l) for l in open('results/preds.jsonl')]
dets = ['guess', 'eld-L', 'eld-M', 'franc-min', 'franc', 'tinyld', 'cld3']
modes = ['whole', 'first100', 'first300', 'midsent']
idx = collections.defaultdict(list)
for p in P:
    idx[(p['det'], p['set'], p['mode'])].append(p)


def macro(ps):
    per = collections.defaultdict(lambda: [0, 0])
    for p in ps:
        per[p['truth']][1] += 1
        per[p['truth']][0] += p['lang'] == p['truth']
    return sum(a / b for a, b in per.values()) / max(1, len(per))


print('### Macro accuracy % per set. Cells: whole / first100 / first300 / midsent\n')
sets = ['web-multi', 'web-wire', 'wmt24', 'wmt22-doc', 'wmt22-chat']
print('| detector | ' + ' | '.join(sets) + ' |')
print('|---|' + '---:|' * len(sets))
for d in dets:
    print(f'| {d} | ' + ' | '.join(' / '.join(f"{100 * macro(idx[(d, s, m)]):.1f}" for m in modes) for s in sets) + ' |')

print('\n### Per language, WMT sets pooled. Accuracy %: whole / first100 / first300 / midsent\n')
langs = ['en', 'es', 'de', 'ru', 'zh']
wmt = ['wmt24', 'wmt22-doc', 'wmt22-chat']
print('| detector | ' + ' | '.join(langs) + ' |')
print('|---|' + '---:|' * len(langs))
for d in dets:
    cells = []
    for l in langs:
        xs = []
        for m in modes:
            ps = [p for s in wmt for p in idx[(d, s, m)] if p['truth'] == l]
            xs.append(f"{100 * sum(p['lang'] == l for p in ps) / len(ps):.1f}")
        cells.append(' / '.join(xs))
    print(f'| {d} | ' + ' | '.join(cells) + ' |')

print('\n### web-multi per language: right, whole / first100 / first300 / midsent (wrong answers in brackets)\n')
langs = ['en', 'es', 'fr', 'it', 'pt', 'ro', 'hr', 'tr', 'el', 'ru', 'ar', 'ko', 'zh']
print('| lang (n) | ' + ' | '.join(dets) + ' |')
print('|---|' + '---|' * len(dets))
for l in langs:
    cells = []
    n = 0
    for d in dets:
        parts = []
        for m in modes:
            ps = [p for p in idx[(d, 'web-multi', m)] if p['truth'] == l]
            n = len(ps)
            ok = sum(p['lang'] == l for p in ps)
            wrong = [p['lang'] for p in ps if p['lang'] != l]
            parts.append(f"{ok}" + (f"({','.join(wrong)})" if wrong else ''))
        cells.append(' / '.join(parts))
    print(f'| {l} ({n}) | ' + ' | '.join(cells) + ' |')
