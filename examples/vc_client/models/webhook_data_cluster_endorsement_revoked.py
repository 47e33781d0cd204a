from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookDataClusterEndorsementRevoked")



@_attrs_define
class WebhookDataClusterEndorsementRevoked:
    """ The `data` of the event cluster.endorsement_revoked.

        Attributes:
            agency_id (Any | Unset):
            cluster_id (Any | Unset):
            endorsement_id (Any | Unset):
     """

    agency_id: Any | Unset = UNSET
    cluster_id: Any | Unset = UNSET
    endorsement_id: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        agency_id = self.agency_id

        cluster_id = self.cluster_id

        endorsement_id = self.endorsement_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if agency_id is not UNSET:
            field_dict["agency_id"] = agency_id
        if cluster_id is not UNSET:
            field_dict["cluster_id"] = cluster_id
        if endorsement_id is not UNSET:
            field_dict["endorsement_id"] = endorsement_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        agency_id = d.pop("agency_id", UNSET)

        cluster_id = d.pop("cluster_id", UNSET)

        endorsement_id = d.pop("endorsement_id", UNSET)

        webhook_data_cluster_endorsement_revoked = cls(
            agency_id=agency_id,
            cluster_id=cluster_id,
            endorsement_id=endorsement_id,
        )

        return webhook_data_cluster_endorsement_revoked

