"""File paths as tools that read the repository name them: from the git repository's root.

Findings name files relative to the register repository (the folder of ``partnerfw.yaml``).
GitHub annotations, the step summary's links and SARIF name them from the root of the git
repository, which differs when the register lives in a subfolder: ``council/register/x.yaml``.
Outside git there is no other root, so the register repository's own paths are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from partnerfw.files import named_path
from partnerfw.git.trail import GitError, repository_root


@dataclass(frozen=True)
class RepoPaths:
    project_root: Path
    """The register repository: the folder of partnerfw.yaml."""
    repository_root: Path | None = None
    """The top of the git repository holding it, or None outside git."""

    @classmethod
    def find(cls, project_root: Path) -> RepoPaths:
        try:
            top = repository_root(project_root)
        except GitError:
            top = None
        return cls(project_root.resolve(), top)

    def __call__(self, file: str) -> str:
        """``file`` (as a finding names it) from the repository's root, with '/' separators."""
        path = Path(file)
        if self.repository_root is None:
            return PurePath(file).as_posix()
        absolute = path if path.is_absolute() else self.project_root / path
        try:
            return named_path(absolute).relative_to(self.repository_root).as_posix()
        except ValueError:
            return path.as_posix()


def as_given(file: str) -> str:
    """The paths of findings as they are, for renderers that need no repository root."""
    return file
