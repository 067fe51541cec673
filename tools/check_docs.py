"""Checks of the docs site that run where quarto can't: run from the repo root in CI.

- README.md is what nbs/index.ipynb renders to (tools/readme.py);
- no notebook stores an error output, and the index (= README) stores no warnings;
- every file a notebook's markdown links or shows (relative paths) exists, and every `page.html` link is a page;
- every results file a notebook's code names (`'../results/...'`) exists;
- the sidebar lists exactly the notebooks there are;
- every exported function and class has a docstring.
"""
import sys, re, json, ast
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
    return out

if __name__ == '__main__':
    ps = problems()
    for p in ps: print(p, file=sys.stderr)
    if ps: sys.exit(1)
    print("docs checks passed: README in sync, no stored errors, referenced files and pages exist, sidebar complete, exports documented")
