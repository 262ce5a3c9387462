"""Imports every domain's tables so Alembic and the tests see one complete metadata."""

from fosterhub.auth import models as auth_models
from fosterhub.campaigns import models as campaigns_models
from fosterhub.carers import models as carers_models
from fosterhub.core import models as core_models
from fosterhub.core.db import Base
from fosterhub.councils import models as councils_models
from fosterhub.enquiries import models as enquiries_models
from fosterhub.events import models as events_models
from fosterhub.reports import models as reports_models
from fosterhub.training import models as training_models
from fosterhub.users import models as users_models

metadata = Base.metadata

__all__ = [
    "auth_models",
    "campaigns_models",
    "carers_models",
    "core_models",
    "councils_models",
    "enquiries_models",
    "events_models",
    "metadata",
    "reports_models",
    "training_models",
    "users_models",
]
