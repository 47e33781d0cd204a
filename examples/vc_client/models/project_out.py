from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.eligibility_enum import EligibilityEnum
from ..models.ip_terms_enum import IpTermsEnum
from ..models.project_kind_enum import ProjectKindEnum
from ..models.project_status_enum import ProjectStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.criterion_out import CriterionOut
  from ..models.firm_ref_out import FirmRefOut





T = TypeVar("T", bound="ProjectOut")



@_attrs_define
class ProjectOut:
    """ 
        Attributes:
            actions (list[str]):
            brief (str): Public brief
            confidential_brief (None | str): null until the caller may see it
            created_at (datetime.datetime): Created
            criteria (list[CriterionOut]):
            deadline (datetime.datetime): Deadline for entries
            eligible_cluster_ids (list[int]):
            entry_count (int):
            id (int):
            sponsor (FirmRefOut):
            terms_accepted (bool):
            title (str):
            award_amount (None | str | Unset): Award (CNY)
            award_other (str | Unset): Non-monetary award
            cluster (int | None | Unset): On behalf of cluster
            eligibility (EligibilityEnum | Unset): * `open` - Open to every firm
                * `clusters` - Members of chosen clusters
                * `invited` - Invited firms only
            ip_terms (IpTermsEnum | Unset): * `assignment` - Assignment: the sponsor owns the winning design
                * `exclusive` - Exclusive licence to the sponsor
                * `non_exclusive` - Non-exclusive licence to the sponsor
            kind (ProjectKindEnum | Unset): * `ideation` - Ideation
                * `design` - Design (reduction to practice)
                * `rfp` - Request for proposals
            panel_closed_at (datetime.datetime | None | Unset): Scores published
            requirements (str | Unset):
            rubric_frozen_at (datetime.datetime | None | Unset): Rubric frozen
            status (ProjectStatusEnum | Unset): * `draft` - Draft
                * `review` - In review
                * `open` - Open for entries
                * `closed` - Closed for entries
                * `judging` - Judging
                * `awarded` - Awarded
                * `cancelled` - Cancelled
            status_reason (str | Unset): Reason for the last change
            terms (str | Unset): Terms of participation
     """

    actions: list[str]
    brief: str
    confidential_brief: None | str
    created_at: datetime.datetime
    criteria: list[CriterionOut]
    deadline: datetime.datetime
    eligible_cluster_ids: list[int]
    entry_count: int
    id: int
    sponsor: FirmRefOut
    terms_accepted: bool
    title: str
    award_amount: None | str | Unset = UNSET
    award_other: str | Unset = UNSET
    cluster: int | None | Unset = UNSET
    eligibility: EligibilityEnum | Unset = UNSET
    ip_terms: IpTermsEnum | Unset = UNSET
    kind: ProjectKindEnum | Unset = UNSET
    panel_closed_at: datetime.datetime | None | Unset = UNSET
    requirements: str | Unset = UNSET
    rubric_frozen_at: datetime.datetime | None | Unset = UNSET
    status: ProjectStatusEnum | Unset = UNSET
    status_reason: str | Unset = UNSET
    terms: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.criterion_out import CriterionOut # noqa: PLC0415
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        actions = self.actions



        brief = self.brief

        confidential_brief: None | str
        confidential_brief = self.confidential_brief

        created_at = self.created_at.isoformat()

        criteria = []
        for criteria_item_data in self.criteria:
            criteria_item = criteria_item_data.to_dict()
            criteria.append(criteria_item)



        deadline = self.deadline.isoformat()

        eligible_cluster_ids = self.eligible_cluster_ids



        entry_count = self.entry_count

        id = self.id

        sponsor = self.sponsor.to_dict()

        terms_accepted = self.terms_accepted

        title = self.title

        award_amount: None | str | Unset
        if isinstance(self.award_amount, Unset):
            award_amount = UNSET
        else:
            award_amount = self.award_amount

        award_other = self.award_other

        cluster: int | None | Unset
        if isinstance(self.cluster, Unset):
            cluster = UNSET
        else:
            cluster = self.cluster

        eligibility: str | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.value


        ip_terms: str | Unset = UNSET
        if not isinstance(self.ip_terms, Unset):
            ip_terms = self.ip_terms.value


        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        panel_closed_at: None | str | Unset
        if isinstance(self.panel_closed_at, Unset):
            panel_closed_at = UNSET
        elif isinstance(self.panel_closed_at, datetime.datetime):
            panel_closed_at = self.panel_closed_at.isoformat()
        else:
            panel_closed_at = self.panel_closed_at

        requirements = self.requirements

        rubric_frozen_at: None | str | Unset
        if isinstance(self.rubric_frozen_at, Unset):
            rubric_frozen_at = UNSET
        elif isinstance(self.rubric_frozen_at, datetime.datetime):
            rubric_frozen_at = self.rubric_frozen_at.isoformat()
        else:
            rubric_frozen_at = self.rubric_frozen_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        status_reason = self.status_reason

        terms = self.terms


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actions": actions,
            "brief": brief,
            "confidential_brief": confidential_brief,
            "created_at": created_at,
            "criteria": criteria,
            "deadline": deadline,
            "eligible_cluster_ids": eligible_cluster_ids,
            "entry_count": entry_count,
            "id": id,
            "sponsor": sponsor,
            "terms_accepted": terms_accepted,
            "title": title,
        })
        if award_amount is not UNSET:
            field_dict["award_amount"] = award_amount
        if award_other is not UNSET:
            field_dict["award_other"] = award_other
        if cluster is not UNSET:
            field_dict["cluster"] = cluster
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if ip_terms is not UNSET:
            field_dict["ip_terms"] = ip_terms
        if kind is not UNSET:
            field_dict["kind"] = kind
        if panel_closed_at is not UNSET:
            field_dict["panel_closed_at"] = panel_closed_at
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if rubric_frozen_at is not UNSET:
            field_dict["rubric_frozen_at"] = rubric_frozen_at
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criterion_out import CriterionOut # noqa: PLC0415
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        d = dict(src_dict)
        actions = cast(list[str], d.pop("actions"))


        brief = d.pop("brief")

        def _parse_confidential_brief(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        confidential_brief = _parse_confidential_brief(d.pop("confidential_brief"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        criteria = []
        _criteria = d.pop("criteria")
        for criteria_item_data in (_criteria):
            criteria_item = CriterionOut.from_dict(criteria_item_data)



            criteria.append(criteria_item)


        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        eligible_cluster_ids = cast(list[int], d.pop("eligible_cluster_ids"))


        entry_count = d.pop("entry_count")

        id = d.pop("id")

        sponsor = FirmRefOut.from_dict(d.pop("sponsor"))




        terms_accepted = d.pop("terms_accepted")

        title = d.pop("title")

        def _parse_award_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        award_amount = _parse_award_amount(d.pop("award_amount", UNSET))


        award_other = d.pop("award_other", UNSET)

        def _parse_cluster(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cluster = _parse_cluster(d.pop("cluster", UNSET))


        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityEnum | Unset
        if isinstance(_eligibility,  Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityEnum(_eligibility)




        _ip_terms = d.pop("ip_terms", UNSET)
        ip_terms: IpTermsEnum | Unset
        if isinstance(_ip_terms,  Unset):
            ip_terms = UNSET
        else:
            ip_terms = IpTermsEnum(_ip_terms)




        _kind = d.pop("kind", UNSET)
        kind: ProjectKindEnum | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ProjectKindEnum(_kind)




        def _parse_panel_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                panel_closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return panel_closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        panel_closed_at = _parse_panel_closed_at(d.pop("panel_closed_at", UNSET))


        requirements = d.pop("requirements", UNSET)

        def _parse_rubric_frozen_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rubric_frozen_at_type_0 = datetime.datetime.fromisoformat(data)



                return rubric_frozen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        rubric_frozen_at = _parse_rubric_frozen_at(d.pop("rubric_frozen_at", UNSET))


        _status = d.pop("status", UNSET)
        status: ProjectStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ProjectStatusEnum(_status)




        status_reason = d.pop("status_reason", UNSET)

        terms = d.pop("terms", UNSET)

        project_out = cls(
            actions=actions,
            brief=brief,
            confidential_brief=confidential_brief,
            created_at=created_at,
            criteria=criteria,
            deadline=deadline,
            eligible_cluster_ids=eligible_cluster_ids,
            entry_count=entry_count,
            id=id,
            sponsor=sponsor,
            terms_accepted=terms_accepted,
            title=title,
            award_amount=award_amount,
            award_other=award_other,
            cluster=cluster,
            eligibility=eligibility,
            ip_terms=ip_terms,
            kind=kind,
            panel_closed_at=panel_closed_at,
            requirements=requirements,
            rubric_frozen_at=rubric_frozen_at,
            status=status,
            status_reason=status_reason,
            terms=terms,
        )


        project_out.additional_properties = d
        return project_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
