from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.review_out import ReviewOut





T = TypeVar("T", bound="ReviewsOut")



@_attrs_define
class ReviewsOut:
    """ 
        Attributes:
            notes_to_solver (list[str]): the entry's team, once the scores are published
            reviews (list[ReviewOut]): panel and sponsor (own only until the scores are published)
     """

    notes_to_solver: list[str]
    reviews: list[ReviewOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.review_out import ReviewOut # noqa: PLC0415
        notes_to_solver = self.notes_to_solver



        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "notes_to_solver": notes_to_solver,
            "reviews": reviews,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.review_out import ReviewOut # noqa: PLC0415
        d = dict(src_dict)
        notes_to_solver = cast(list[str], d.pop("notes_to_solver"))


        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in (_reviews):
            reviews_item = ReviewOut.from_dict(reviews_item_data)



            reviews.append(reviews_item)


        reviews_out = cls(
            notes_to_solver=notes_to_solver,
            reviews=reviews,
        )


        reviews_out.additional_properties = d
        return reviews_out

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
