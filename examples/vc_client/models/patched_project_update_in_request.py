from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.eligibility_enum import EligibilityEnum
from ..models.ip_terms_enum import IpTermsEnum
from ..models.project_kind_enum import ProjectKindEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PatchedProjectUpdateInRequest")



@_attrs_define
class PatchedProjectUpdateInRequest:
    """ 
        Attributes:
            award_amount (None | str | Unset):
            award_other (str | Unset):
            brief (str | Unset):
            cluster_id (int | None | Unset):
            confidential_brief (str | Unset):
            deadline (datetime.datetime | Unset): ISO 8601 with a time-zone offset.
            eligibility (EligibilityEnum | Unset): * `open` - Open to every firm
                * `clusters` - Members of chosen clusters
                * `invited` - Invited firms only
            eligible_cluster_ids (list[int] | Unset):
            invited_firm_ids (list[int] | Unset):
            ip_terms (IpTermsEnum | Unset): * `assignment` - Assignment: the sponsor owns the winning design
                * `exclusive` - Exclusive licence to the sponsor
                * `non_exclusive` - Non-exclusive licence to the sponsor
            kind (ProjectKindEnum | Unset): * `ideation` - Ideation
                * `design` - Design (reduction to practice)
                * `rfp` - Request for proposals
            requirements (str | Unset):
            terms (str | Unset):
            title (str | Unset):
     """

    award_amount: None | str | Unset = UNSET
    award_other: str | Unset = UNSET
    brief: str | Unset = UNSET
    cluster_id: int | None | Unset = UNSET
    confidential_brief: str | Unset = UNSET
    deadline: datetime.datetime | Unset = UNSET
    eligibility: EligibilityEnum | Unset = UNSET
    eligible_cluster_ids: list[int] | Unset = UNSET
    invited_firm_ids: list[int] | Unset = UNSET
    ip_terms: IpTermsEnum | Unset = UNSET
    kind: ProjectKindEnum | Unset = UNSET
    requirements: str | Unset = UNSET
    terms: str | Unset = UNSET
    title: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        award_amount: None | str | Unset
        if isinstance(self.award_amount, Unset):
            award_amount = UNSET
        else:
            award_amount = self.award_amount

        award_other = self.award_other

        brief = self.brief

        cluster_id: int | None | Unset
        if isinstance(self.cluster_id, Unset):
            cluster_id = UNSET
        else:
            cluster_id = self.cluster_id

        confidential_brief = self.confidential_brief

        deadline: str | Unset = UNSET
        if not isinstance(self.deadline, Unset):
            deadline = self.deadline.isoformat()

        eligibility: str | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.value


        eligible_cluster_ids: list[int] | Unset = UNSET
        if not isinstance(self.eligible_cluster_ids, Unset):
            eligible_cluster_ids = self.eligible_cluster_ids



        invited_firm_ids: list[int] | Unset = UNSET
        if not isinstance(self.invited_firm_ids, Unset):
            invited_firm_ids = self.invited_firm_ids



        ip_terms: str | Unset = UNSET
        if not isinstance(self.ip_terms, Unset):
            ip_terms = self.ip_terms.value


        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        requirements = self.requirements

        terms = self.terms

        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if award_amount is not UNSET:
            field_dict["award_amount"] = award_amount
        if award_other is not UNSET:
            field_dict["award_other"] = award_other
        if brief is not UNSET:
            field_dict["brief"] = brief
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if confidential_brief is not UNSET:
            field_dict["confidential_brief"] = confidential_brief
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if eligible_cluster_ids is not UNSET:
            field_dict["eligible_cluster_ids"] = eligible_cluster_ids
        if invited_firm_ids is not UNSET:
            field_dict["invited_firm_ids"] = invited_firm_ids
        if ip_terms is not UNSET:
            field_dict["ip_terms"] = ip_terms
        if kind is not UNSET:
            field_dict["kind"] = kind
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if terms is not UNSET:
            field_dict["terms"] = terms
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_award_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        award_amount = _parse_award_amount(d.pop("award_amount", UNSET))


        award_other = d.pop("award_other", UNSET)

        brief = d.pop("brief", UNSET)

        def _parse_cluster_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cluster_id = _parse_cluster_id(d.pop("cluster_id", UNSET))


        confidential_brief = d.pop("confidential_brief", UNSET)

        _deadline = d.pop("deadline", UNSET)
        deadline: datetime.datetime | Unset
        if isinstance(_deadline,  Unset):
            deadline = UNSET
        else:
            deadline = datetime.datetime.fromisoformat(_deadline)




        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityEnum | Unset
        if isinstance(_eligibility,  Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityEnum(_eligibility)




        eligible_cluster_ids = cast(list[int], d.pop("eligible_cluster_ids", UNSET))


        invited_firm_ids = cast(list[int], d.pop("invited_firm_ids", UNSET))


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




        requirements = d.pop("requirements", UNSET)

        terms = d.pop("terms", UNSET)

        title = d.pop("title", UNSET)

        patched_project_update_in_request = cls(
            award_amount=award_amount,
            award_other=award_other,
            brief=brief,
            cluster_id=cluster_id,
            confidential_brief=confidential_brief,
            deadline=deadline,
            eligibility=eligibility,
            eligible_cluster_ids=eligible_cluster_ids,
            invited_firm_ids=invited_firm_ids,
            ip_terms=ip_terms,
            kind=kind,
            requirements=requirements,
            terms=terms,
            title=title,
        )


        patched_project_update_in_request.additional_properties = d
        return patched_project_update_in_request

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
