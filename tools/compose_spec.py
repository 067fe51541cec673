"""Write grids/imbalance_compose_<set>.yaml: the best loss and the best sampler of a training set, trained together.

The choice is page 21's ("Which loss, which sampler"): among the remedies of grids/imbalance_fast.yaml,
grids/imbalance_fast_smote.yaml, grids/imbalance_if10.yaml and grids/imbalance_full_fp32.yaml on that set (plain CE
is the reference, not a remedy), the loss and the sampler with the highest mean hold-out macro-F1 over the seeds, the
hold-out scored at FER2013's class mix. It refuses to write before the set's grid is complete, and checks that each
run of the written spec is the chosen loss's run with the chosen sampler's settings added. Page 21 re-derives the
choice and checks the spec again, so the spec can be trusted without this script.

Usage: python tools/compose_spec.py if100          # write grids/imbalance_compose_if100.yaml
       python tools/compose_spec.py full --dry     # print the choice among the runs landed so far; write nothing
"""
import sys, json
from pathlib import Path
from fer_nbdev.grid import summarise, expand_grid, run_status
from fer_nbdev.report import pick, holdout_means, best_of_kind, remedy_kinds, train_counts

root = Path(__file__).resolve().parent.parent
SKIP = ('recipe', 'precision', 'posthoc', 'imbalance_factor', 'seed')  # the grid's base and data settings, not the remedy's

def fmt(d): return '{' + ', '.join(f'{k}: {json.dumps(v) if isinstance(v, dict) else v}' for k, v in d.items()) + '}'

def main(d, dry=False):
    papers, imb = root/'results/papers', root/'results/imbalance'
    grids = [root/f'grids/{g}.yaml' for g in ('imbalance_fast', 'imbalance_fast_smote', 'imbalance_if10', 'imbalance_full_fp32')]
    rows = [r for g in grids for r in expand_grid(g) if r['dataset'] == d]
    if not rows: sys.exit(f"no runs of the imbalance grids on {d!r}: pass one of their datasets {sorted({r['dataset'] for g in grids for r in expand_grid(g)})}")
    todo = [r['name'] for r in rows if run_status(imb/r['name']) != 'done']
    if todo and not dry: sys.exit(f"the {d} grid is not complete ({len(todo)} runs to go, e.g. {todo[0]}): the choice is made on the whole grid")
    kw = {(r['method'], r['seed']): r['kwargs'] for r in rows}
    done = [r['name'] for r in rows if r['name'] not in todo]
    if not done: sys.exit(f"no run of the {d} grid has landed yet")
    runs = pick(summarise(imb).query('run in @done'))
    h = holdout_means(runs, imb, prior=train_counts(papers/'ce__full__s42', holdout=True))
    kind = {m: k for m, k in remedy_kinds(*grids).items() if m in h.index}
    print(h.round(4).assign(kind=h.index.map(kind)).to_string())
    if {'loss', 'sampler'} - set(kind.values()): sys.exit(f"no loss or no sampler among the {d} runs landed yet: nothing to choose")
    best = best_of_kind(h, kind)[d]
    print(f"chosen: loss {best['loss']}, sampler {best['sampler']}")
    l, s = (kw[(best[k], 42)] for k in ('loss', 'sampler'))
    if l.get('defer') and s.get('defer'):  # IF=10's choice (DRW, DRS): the hold-out rejected every epoch of that phase (page 21)
        print("note: both defer their re-balancing to the same last part of the schedule: together they re-balance twice there")
    if dry: return
    ds = {k: v for k, v in l.items() if k == 'imbalance_factor'}
    out = root/f'grids/imbalance_compose_{d}.yaml'
    out.write_text(f"""# Issue 14, step 4 (grids/imbalance_plan.md): the best loss and the best sampler of {d}, trained together.
# Chosen on the hold-out scored at FER2013's class mix (mean macro-F1 over seeds 42, 1, 2) once the {d} grid was complete,
# never on PublicTest (written by tools/compose_spec.py); page 21 prints the choice and checks that each run here is the
# chosen loss's run with the chosen sampler's settings added. One remedy run's time each (3 runs).
# Run: fer-grid grids/imbalance_compose_{d}.yaml --out results/imbalance
name: imbalance_compose_{d}
base: {fmt({k: v for k, v in l.items() if k in ('recipe', 'precision', 'posthoc')})}
datasets:
  {d}: {fmt(ds)}
methods:
  {best['loss']}+{best['sampler']}: {fmt({k: v for k, v in (l | s).items() if k not in SKIP})}
seeds: [42, 1, 2]
""")
    for r in expand_grid(out):
        assert r['kwargs'] == kw[(best['loss'], r['seed'])] | kw[(best['sampler'], r['seed'])], f"{r['name']}: not the chosen loss's run with the sampler's settings added"
    print(f"wrote {out.relative_to(root)} and checked its runs")

if __name__ == '__main__':
    args = [a for a in sys.argv[1:] if a != '--dry']
    if len(args) != 1: sys.exit(__doc__)
    main(args[0], dry='--dry' in sys.argv)
