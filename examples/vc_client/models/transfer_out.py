from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.transfer_out_status_enum import TransferOutStatusEnum
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.transfer_document_out import TransferDocumentOut
  from ..models.transfer_party_out import TransferPartyOut





T = TypeVar("T", bound="TransferOut")



@_attrs_define
class TransferOut:
    """ 
        Attributes:
            award (int):
            documents (list[TransferDocumentOut]):
            id (int):
            parties (list[TransferPartyOut]):
            provider (str): E-sign provider
            sent_at (datetime.datetime): Sent
            completed_at (datetime.datetime | None | Unset): Completed
            status (TransferOutStatusEnum | Unset): * `sent` - Sent for signature
                * `completed` - Signed by both sides
     """

    award: int
    documents: list[TransferDocumentOut]
    id: int
    parties: list[TransferPartyOut]
    provider: str
    sent_at: datetime.datetime
    completed_at: datetime.datetime | None | Unset = UNSET
    status: TransferOutStatusEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.transfer_document_out import TransferDocumentOut # noqa: PLC0415
        from ..models.transfer_party_out import TransferPartyOut # noqa: PLC0415
        award = self.award

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)



        id = self.id

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)



        provider = self.provider

        sent_at = self.sent_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "award": award,
            "documents": documents,
            "id": id,
            "parties": parties,
            "provider": provider,
            "sent_at": sent_at,
        })
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transfer_document_out import TransferDocumentOut # noqa: PLC0415
        from ..models.transfer_party_out import TransferPartyOut # noqa: PLC0415
        d = dict(src_dict)
        award = d.pop("award")

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in (_documents):
            documents_item = TransferDocumentOut.from_dict(documents_item_data)



            documents.append(documents_item)


        id = d.pop("id")

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in (_parties):
            parties_item = TransferPartyOut.from_dict(parties_item_data)



            parties.append(parties_item)


        provider = d.pop("provider")

        sent_at = datetime.datetime.fromisoformat(d.pop("sent_at"))




        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)



                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))


        _status = d.pop("status", UNSET)
        status: TransferOutStatusEnum | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = TransferOutStatusEnum(_status)




        transfer_out = cls(
            award=award,
            documents=documents,
            id=id,
            parties=parties,
            provider=provider,
            sent_at=sent_at,
            completed_at=completed_at,
            status=status,
        )


        transfer_out.additional_properties = d
        return transfer_out

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
