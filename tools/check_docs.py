"""Checks of the docs site that run where quarto can't: run from the repo root in CI.

- README.md is what nbs/index.ipynb renders to (tools/readme.py);
- no notebook stores an error output, and the index (= README) stores no warnings;
- every file a notebook's markdown links or shows (relative paths) exists, and every `page.html` link is a page;
- every results file a notebook's code names (`'../results/...'`) exists;
- the sidebar lists exactly the notebooks there are;
- no committed result file or stored output holds an absolute machine path;
- every exported function and class has a docstring, every parameter a docment (or an `Annotated` help),
  and its notebook uses it outside the export cells (a command-line function: its command).
"""
import sys, re, json, ast, inspect, importlib, tomllib, warnings
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from readme import render, root

def problems():
    "List of problems found"
    out = []
    if (root/'README.md').read_text() != render(): out.append("README.md is out of date: run `python tools/readme.py`")
    nbs = sorted((root/'nbs').glob('*.ipynb'))
    pages = {re.sub(r'^\d+[a-z]?_', '', nb.stem) + '.html' for nb in nbs}
    listed = set(re.findall(r'^\s*-\s*(\S+\.ipynb)\s*$', (root/'nbs'/'sidebar.yml').read_text(), re.M))
    for n in sorted(listed - {nb.name for nb in nbs}): out.append(f"sidebar.yml lists {n}, which does not exist")
    for n in sorted({nb.name for nb in nbs} - listed): out.append(f"sidebar.yml does not list {n}")
    for nb in nbs:
        cells = json.loads(nb.read_text())['cells']
        for i, c in enumerate(cells):
            for o in c.get('outputs', []):
                if o.get('output_type') == 'error': out.append(f"{nb.name}: cell {i} stores an error output ({o.get('ename')})")
                if nb.name == 'index.ipynb' and o.get('name') == 'stderr': out.append(f"index.ipynb: cell {i} stores stderr output, which the README would show: silence it and re-run")
            if c['cell_type'] == 'markdown':
                for ref in re.findall(r'\]\(([^)#\s]+)', ''.join(c['source'])):
                    if '://' in ref or ref.endswith('.ipynb'): continue
                    if ref.endswith('.html'):
                        if ref not in pages: out.append(f"{nb.name}: cell {i} links to {ref}, which is no page of the site")
                    elif not (nb.parent/ref).exists(): out.append(f"{nb.name}: cell {i} refers to missing file {ref}")
            elif c['cell_type'] == 'code':
                for ref in re.findall(r"['\"](\.\./results/[^'\"*{}]+)['\"]", ''.join(c['source'])):
                    if ref.endswith(('.pkl', '.pth', '.onnx')): continue  # model files stay on the machine that trained them (.gitignore)
                    if not (nb.parent/ref).exists(): out.append(f"{nb.name}: cell {i} reads missing file {ref}")
    for py in sorted((root/'fer_nbdev').glob('*.py')):
        if py.name.startswith('_'): continue
        tree = ast.parse(py.read_text())
        names = next((ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                      and getattr(n.targets[0], 'id', '') == '__all__'), [])
        for n in tree.body:
            if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name in names and not ast.get_docstring(n):
                out.append(f"fer_nbdev/{py.name}: {n.name} has no docstring")
    return out + api_problems() + path_problems()

ABS = re.compile(r'(?<![\w.])(/root|/home/\w+|/Users/\w+|/work|/tmp|[A-Z]:\\\\Users)/')

def path_problems():
    "Committed results and stored notebook outputs that hold an absolute path of the machine they ran on"
    out = []
    for f in sorted((root/'results').rglob('*')):
        if f.is_file() and f.suffix in ('.json', '.log', '.csv', '.txt', '.md') and ABS.search(f.read_text(errors='ignore')):
            out.append(f"{f.relative_to(root)} holds an absolute machine path: record data paths relative to the data root")
    for nb in sorted((root/'nbs').glob('*.ipynb')):
        for i, c in enumerate(json.loads(nb.read_text())['cells']):
            if ABS.search(json.dumps(c.get('outputs', []))): out.append(f"{nb.name}: cell {i} output shows an absolute machine path")
    return out

def api_problems():
    "Exported functions and classes with an undocumented parameter, or that their notebook never shows in use"
    from fastcore.docments import docments
    scripts = {v.split(':')[1]: k for k, v in tomllib.loads((root/'pyproject.toml').read_text())['project']['scripts'].items()}
    out = []
    for nb in sorted((root/'nbs').glob('*.ipynb')):
        cells = [''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'code']
        exp = next((m[1] for c in cells if (m := re.search(r'^#\|\s*default_exp\s+(\S+)', c, re.M))), None)
        if exp is None: continue
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); mod = importlib.import_module(f'fer_nbdev.{exp}')
        used = '\n'.join(c for c in cells if not re.match(r'#\|\s*exports?\b', c))
        for n in getattr(mod, '__all__', []):
            o = getattr(mod, n)
            if not (inspect.isfunction(o) or inspect.isclass(o)) or o.__module__ != mod.__name__: continue
            if not any(re.search(rf'(?<![\w-]){re.escape(k)}(?![\w-])', used) for k in {n, scripts.get(n, n)}):
                out.append(f"{nb.name}: {n} is exported but never used outside its export cell: show it working")
            import dataclasses
            f = o if dataclasses.is_dataclass(o) else o.__dict__.get('__init__') if inspect.isclass(o) else o  # a dataclass: its fields
            if f is None: continue
            doc, ps = docments(f), inspect.signature(f).parameters.values()
            miss = [p.name for p in ps if p.name not in ('self', 'cls') and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                    and not doc.get(p.name) and not str(p.annotation).startswith('Annotated[')]
            if miss: out.append(f"fer_nbdev/{exp}.py: {n}: parameter(s) {miss} have no docment (`name:type=default, # what it is`)")
    return out

if __name__ == '__main__':
    ps = problems()
    for p in ps: print(p, file=sys.stderr)
    if ps: sys.exit(1)
    print("docs checks passed: README in sync, no stored errors, referenced files and pages exist, sidebar complete, exports documented and used")
