"""Deferred imports: packages whose names are imported on first use."""

import subprocess
import sys
import types

import pytest

from bargaining._lazy import lazy_attributes


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A package ``lazypkg`` with a submodule ``heavy`` and a lazy name ``Thing`` from it."""
    root = tmp_path / "lazypkg"
    root.mkdir()
    (root / "__init__.py").write_text("")
    (root / "heavy.py").write_text("class Thing:\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = types.ModuleType("lazypkg")
    module.__path__ = [str(root)]
    module.__all__ = ["Thing", "heavy"]
    monkeypatch.setitem(sys.modules, "lazypkg", module)
    monkeypatch.delitem(sys.modules, "lazypkg.heavy", raising=False)
    module.__getattr__, module.__dir__ = lazy_attributes(
        "lazypkg", {"Thing": "heavy"}, ("heavy",), module.__all__
    )
    return module


def test_a_name_imports_its_submodule_on_first_use(package):
    assert "lazypkg.heavy" not in sys.modules
    thing = package.Thing
    assert "lazypkg.heavy" in sys.modules
    assert thing is sys.modules["lazypkg.heavy"].Thing
    assert package.heavy is sys.modules["lazypkg.heavy"]


def test_dir_lists_the_lazy_names_before_they_are_imported(package):
    names = dir(package)
    assert {"Thing", "heavy", "__path__"} <= set(names)
    assert names == sorted(names)
    assert "lazypkg.heavy" not in sys.modules


def test_an_unknown_name_is_an_attribute_error_naming_it(package):
    with pytest.raises(AttributeError, match=r"module 'lazypkg' has no attribute 'Thingy'"):
        _ = package.Thingy
    with pytest.raises(ImportError, match="cannot import name 'Thingy'"):
        from lazypkg import Thingy  # noqa: F401


@pytest.mark.parametrize("package_name", ["bargaining.labor", "bargaining.analysis"])
def test_the_packages_import_no_submodule_until_a_name_is_used(package_name):
    # A fresh process: this one has imported everything already.
    code = (
        "import sys, importlib\n"
        f"p = importlib.import_module({package_name!r})\n"
        f"loaded = sorted(m for m in sys.modules if m.startswith({package_name!r} + '.'))\n"
        "assert set(p.__all__) <= set(dir(p)), 'dir'\n"
        "print(' '.join(loaded))\n"
        "getattr(p, p.__all__[0])\n"
        f"print(any(m.startswith({package_name!r} + '.') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    before, after = result.stdout.splitlines()
    assert before == ""
    assert after == "True"
