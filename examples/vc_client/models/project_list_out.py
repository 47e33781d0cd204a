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
  from ..models.firm_ref_out import FirmRefOut





T = TypeVar("T", bound="ProjectListOut")



@_attrs_define
class ProjectListOut:
    """ 
        Attributes:
            deadline (datetime.datetime): Deadline for entries
            id (int):
            sponsor (FirmRefOut):
            title (str):
            award_amount (None | str | Unset): Award (CNY)
            award_other (str | Unset): Non-monetary award
            eligibility (EligibilityEnum | Unset): * `open` - Open to every firm
                * `clusters` - Members of chosen clusters
                * `invited` - Invited firms only
            ip_terms (IpTermsEnum | Unset): * `assignment` - Assignment: the sponsor owns the winning design
                * `exclusive` - Exclusive licence to the sponsor
                * `non_exclusive` - Non-exclusive licence to the sponsor
            kind (ProjectKindEnum | Unset): * `ideation` - Ideation
                * `design` - Design (reduction to practice)
                * `rfp` - Request for proposals
            status (ProjectStatusEnum | Unset): * `draft` - Draft
                * `review` - In review
                * `open` - Open for entries
                * `closed` - Closed for entries
                * `judging` - Judging
                * `awarded` - Awarded
                * `cancelled` - Cancelled
     """

    deadline: datetime.datetime
    id: int
    sponsor: FirmRefOut
    title: str
    award_amount: None | str | Unset = UNSET
    award_other: str | Unset = UNSET
    eligibility: EligibilityEnum | Unset = UNSET
    ip_terms: IpTermsEnum | Unset = UNSET
    kind: ProjectKindEnum | Unset = UNSET
    status: ProjectStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        deadline = self.deadline.isoformat()

        id = self.id

        sponsor = self.sponsor.to_dict()

        title = self.title

        award_amount: None | str | Unset
        if isinstance(self.award_amount, Unset):
            award_amount = UNSET
        else:
            award_amount = self.award_amount

        award_other = self.award_other

        eligibility: str | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.value


        ip_terms: str | Unset = UNSET
        if not isinstance(self.ip_terms, Unset):
            ip_terms = self.ip_terms.value


        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "deadline": deadline,
            "id": id,
            "sponsor": sponsor,
            "title": title,
        })
        if award_amount is not UNSET:
            field_dict["award_amount"] = award_amount
        if award_other is not UNSET:
            field_dict["award_other"] = award_other
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if ip_terms is not UNSET:
            field_dict["ip_terms"] = ip_terms
        if kind is not UNSET:
            field_dict["kind"] = kind
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.firm_ref_out import FirmRefOut # noqa: PLC0415
        d = dict(src_dict)
        deadline = datetime.datetime.fromisoformat(d.pop("deadline"))




        id = d.pop("id")

        sponsor = FirmRefOut.from_dict(d.pop("sponsor"))




        title = d.pop("title")

        def _parse_award_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        award_amount = _parse_award_amount(d.pop("award_amount", UNSET))


        award_other = d.pop("award_other", UNSET)

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




        _status = d.pop("status", UNSET)
        status: ProjectStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ProjectStatusEnum(_status)




        project_list_out = cls(
            deadline=deadline,
            id=id,
            sponsor=sponsor,
            title=title,
            award_amount=award_amount,
            award_other=award_other,
            eligibility=eligibility,
            ip_terms=ip_terms,
            kind=kind,
            status=status,
        )


        project_list_out.additional_properties = d
        return project_list_out

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
