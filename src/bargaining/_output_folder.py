"""Output folders that commands write into: no silent overwrites, no writes through symlinks.

``bargaining report`` and ``bargaining problemset`` write fixed file names into
the folder given by ``--out``. :func:`prepare_output_folder` is called before
anything is written: it creates the folder, refuses a file name that is a
symbolic link (whose target may lie outside the folder) or any other
non-regular file, and refuses to replace an existing file unless ``force``.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["prepare_output_folder"]


def prepare_output_folder(out_dir, names, *, force=False, option="--out"):
    """Create ``out_dir`` and check that ``names`` can be written into it.

    Parameters
    ----------
    out_dir : str or os.PathLike
        The output folder; created with its parents if missing.
    names : iterable of str
        The file names about to be written (no folder parts).
    force : bool
        Replace existing regular files of those names.
    option : str
        How the folder was given, for error messages.

    Returns
    -------
    pathlib.Path
        The folder.

    Raises
    ------
    ValueError
        If ``out_dir`` is empty or not a folder, if one of the names is a
        symbolic link or not a regular file, or if it exists and ``force``
        is false.
    """
    if not str(out_dir).strip():
        raise ValueError(f"{option} must name a folder, got {str(out_dir)!r}")
    folder = Path(out_dir)
    if os.path.lexists(folder) and not folder.is_dir():
        raise ValueError(f"{option}: {str(folder)!r} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ValueError(
            f"{option}: cannot create the folder {str(folder)!r}: {error.strerror}"
        ) from None
    existing = []
    for name in names:
        path = folder / name
        if path.is_symlink():
            raise ValueError(
                f"{option}: {str(path)!r} is a symbolic link; refusing to write through it"
            )
        if os.path.lexists(path):
            if not path.is_file():
                raise ValueError(f"{option}: {str(path)!r} exists and is not a regular file")
            existing.append(name)
    if existing and not force:
        shown = ", ".join(existing[:3]) + (", ..." if len(existing) > 3 else "")
        raise ValueError(
            f"{option}: {str(folder)!r} already holds {shown}; use --force to overwrite"
        )
    return folder
