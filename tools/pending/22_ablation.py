# %% [markdown]
# # CBAM and uncertainty-mixing ablation
# > The framework of Fan et al. (2022) taken apart: ResNet18, + class weights, + CBAM, + relative-uncertainty feature mixing, and all three, on full FER2013 and IF=10, at equal budget.

# %%
#| hide
from fastcore.test import *

# %%
import json, warnings, numpy as np, pandas as pd, torch, matplotlib.pyplot as plt
from pathlib import Path
from fer_nbdev.core import EMOTIONS
from fer_nbdev.grid import summarise
from fer_nbdev.cbam import cbam_overhead
from fer_nbdev.report import *
pd.set_option('display.width', 250, 'display.max_columns', 40)

# %% [markdown]
# ## How it was run
#
# The baseline (`ce`) and `+class weights` (`weighted-ce`, inverse frequency) are runs of the
# [imbalance benchmark](imbalance_benchmark.html); `grids/ablation.yaml` adds `cbam` (CBAM in all 8 residual blocks),
# `mixing` (RUL head, uncertainty-weighted mixing of random pairs, add-up loss) and `cw+cbam+mixing` (the paper's
# full framework), all with the same recipe and CPU screening budget, three seeds each:
#
# ```sh
# fer-grid grids/ablation.yaml --out results/grid --procs 2
# ```

# %%
grid = Path('../results/grid')
variants = {'ce': 'resnet18', 'weighted-ce': '+ class weights', 'cbam': '+ CBAM', 'mixing': '+ mixing', 'cw+cbam+mixing': 'all three'}
allruns = summarise(grid)
runs = pick(allruns, list(variants), [d for d in ['full', 'if10'] if d in set(allruns.dataset)])
runs['method'] = runs.method.cat.rename_categories(variants)
cfgs = run_configs(grid).merge(runs[['run', 'method', 'dataset']], on='run')
check_budget(cfgs)

# %% [markdown]
# What CBAM costs (parameters and multiply-accumulates per 48x48 face, with and without it):

# %%
cbam_overhead('resnet18', size=48)

# %% [markdown]
# ## Results

# %%
tab = results_table(runs, cols=['accuracy', 'balanced_accuracy', 'macro_f1'] + [f'recall_{e}' for e in EMOTIONS])
tab

# %%
test_eq(set(runs.method.unique()) <= set(variants.values()), True)
for d in runs.dataset.unique(): test_eq(cfgs[cfgs.dataset == d].epochs.nunique(), 1)  # equal budget within a training set

# %% [markdown]
# Each variant minus the ResNet18 baseline on the same seed (same subset, initial weights and batch order); `wins`
# counts the seeds where the variant beat the baseline:

# %%
gains = pd.concat({m: paired_gain(runs, 'resnet18', m) for m in ['accuracy', 'balanced_accuracy', 'macro_f1']}, axis=1)
gains.round(3)

# %%
plot_recall_heatmap(runs);

# %%
plot_acc_f1(runs, ref='resnet18');

# %% [markdown]
# ## CBAM attention
#
# Spatial attention of the last CBAM of the seed-1 `cbam` model on full FER2013, over PublicTest faces, and its mean
# per emotion (a `slow` cell: the model file stays on the machine that trained it).

# %%
#| slow
from fastai.learner import load_learner
from fer_nbdev.data import load_fer
from fer_nbdev.cbam import CBAMMaps, show_cbam_maps, mean_cbam_maps, show_mean_cbam_maps
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    learn = load_learner(grid/'cbam__full__s1'/'model.pkl')
d = load_fer(verbose=False)
vi = d.idxs('valid')
y = torch.tensor([EMOTIONS.index(e) for e in d.items.emotion.values[vi]])
dl = learn.dls.test_dl(list(d.x[vi]), bs=256)
for layer in (-3, -1):
    cb = CBAMMaps(layer=layer)
    learn.get_preds(dl=dl, cbs=cb)
    pick_ = np.concatenate([np.flatnonzero(y.numpy() == c)[:2] for c in range(len(EMOTIONS))])
    show_cbam_maps(torch.tensor(d.x[vi][pick_]), cb.maps[pick_], labels=y[pick_], ncols=7).suptitle(f'CBAM {layer}: maps {tuple(cb.maps.shape[1:])}')
    show_mean_cbam_maps(mean_cbam_maps(cb.maps, y));
