from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ip_terms_enum import IpTermsEnum
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="IdeaAwardOut")



@_attrs_define
class IdeaAwardOut:
    """ 
        Attributes:
            asset (int | None):
            awarded_at (datetime.datetime): Awarded
            id (int):
            idea (int):
            ip_terms (IpTermsEnum): * `assignment` - Assignment: the sponsor owns the winning design
                * `exclusive` - Exclusive licence to the sponsor
                * `non_exclusive` - Non-exclusive licence to the sponsor
            amount (None | str | Unset): Amount (CNY)
            non_monetary (str | Unset): Non-monetary award
     """

    asset: int | None
    awarded_at: datetime.datetime
    id: int
    idea: int
    ip_terms: IpTermsEnum
    amount: None | str | Unset = UNSET
    non_monetary: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        asset: int | None
        asset = self.asset

        awarded_at = self.awarded_at.isoformat()

        id = self.id

        idea = self.idea

        ip_terms = self.ip_terms.value

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        non_monetary = self.non_monetary


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asset": asset,
            "awarded_at": awarded_at,
            "id": id,
            "idea": idea,
            "ip_terms": ip_terms,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if non_monetary is not UNSET:
            field_dict["non_monetary"] = non_monetary

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_asset(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        asset = _parse_asset(d.pop("asset"))


        awarded_at = datetime.datetime.fromisoformat(d.pop("awarded_at"))




        id = d.pop("id")

        idea = d.pop("idea")

        ip_terms = IpTermsEnum(d.pop("ip_terms"))




        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        non_monetary = d.pop("non_monetary", UNSET)

        idea_award_out = cls(
            asset=asset,
            awarded_at=awarded_at,
            id=id,
            idea=idea,
            ip_terms=ip_terms,
            amount=amount,
            non_monetary=non_monetary,
        )


        idea_award_out.additional_properties = d
        return idea_award_out

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
