"""Checks of the docs site that run where quarto can't: run from the repo root in CI.

- README.md is what nbs/index.ipynb renders to (tools/readme.py);
- no notebook stores an error output;
- every file a notebook's markdown links or shows (relative paths) exists;
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
    for nb in sorted((root/'nbs').glob('*.ipynb')):
        cells = json.loads(nb.read_text())['cells']
        for i, c in enumerate(cells):
            for o in c.get('outputs', []):
                if o.get('output_type') == 'error': out.append(f"{nb.name}: cell {i} stores an error output ({o.get('ename')})")
            if c['cell_type'] == 'markdown':
                for ref in re.findall(r'\]\(([^)#\s]+)', ''.join(c['source'])):
                    if '://' in ref or ref.endswith('.ipynb') or ref.endswith('.html'): continue
                    if not (nb.parent/ref).exists(): out.append(f"{nb.name}: cell {i} refers to missing file {ref}")
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
    print("docs checks passed: README in sync, no stored errors, referenced files exist, exports documented")
