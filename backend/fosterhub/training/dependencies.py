"""Who may call the training routes."""

from typing import Annotated

from fastapi import Depends, Path

from fosterhub.auth.dependencies import STAFF, Caller, require

StaffOnly = Annotated[Caller, Depends(require(*STAFF, people_only=True))]
Booker = Annotated[Caller, Depends(require("carer", "applicant", people_only=True))]
Member = Annotated[Caller, Depends(require(*STAFF, "carer", "applicant", people_only=True))]

CourseId = Annotated[str, Path(max_length=36, description="The course's id")]
SessionId = Annotated[str, Path(max_length=36, description="The training session's (event's) id")]
HouseholdId = Annotated[str, Path(max_length=36, description="The carer household's id")]
