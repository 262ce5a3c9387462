"""Imports every domain's tables so Alembic and the tests see one complete metadata."""

from fosterhub.auth import models as auth_models
from fosterhub.core import models as core_models
from fosterhub.core.db import Base
from fosterhub.councils import models as councils_models
from fosterhub.users import models as users_models

metadata = Base.metadata

__all__ = ["auth_models", "core_models", "councils_models", "metadata", "users_models"]
