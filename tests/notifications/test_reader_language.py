"""Notifications and e-mails in the reader's language: stored as a key with parameters, rendered when read."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from django.urls import reverse
from django.utils import translation

from clusters.services import membership_apply
from platform_.notifications.messages import Message, per_language, render
from platform_.notifications.models import Notification
from platform_.notifications.tasks import deliver_notifications
from tests.factories import ClusterFactory, UserFactory, firm_with_owner

pytestmark = pytest.mark.django_db


def _application_by_an_english_reader() -> tuple[Any, Any]:
    """An English-speaking owner applies (in English) to a cluster whose moderator reads Chinese."""
    moderator = UserFactory.create(language="zh-hans")
    cluster = ClusterFactory.create(name_zh="宁波家电集群", name_en="Ningbo Appliances", moderators=[moderator])
    firm, owner = firm_with_owner(name_zh="宁波电机", name_en="Ningbo Motors")
    owner.language = "en"
    owner.save()
    with translation.override("en"):
        membership_apply(cluster=cluster, firm=firm, by=owner, message="We make motors.")
    return moderator, cluster


def test_an_english_readers_action_reaches_a_chinese_reader_in_chinese(client: Any) -> None:
    moderator, _cluster = _application_by_an_english_reader()
    note = Notification.objects.get(recipient=moderator)
    assert note.title == "宁波电机 申请加入宁波家电集群"
    client.force_login(moderator)
    response = client.get(reverse("notifications:index"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "宁波电机 申请加入宁波家电集群" in response.text
    assert "applied to join" not in response.text


def test_an_existing_notification_follows_a_language_switch(client: Any) -> None:
    moderator, _cluster = _application_by_an_english_reader()
    client.force_login(moderator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("notifications:index"))
    assert "Ningbo Motors applied to join Ningbo Appliances" in response.text
    moderator.refresh_from_db()
    assert moderator.language == "en"  # kept for e-mails too
    client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert "宁波电机 申请加入宁波家电集群" in client.get(reverse("notifications:index")).text


def test_the_email_is_written_in_the_recipients_language_and_names_the_platform() -> None:
    moderator, _cluster = _application_by_an_english_reader()
    with translation.override("en"):  # whoever runs the task, the recipient's language decides
        deliver_notifications([note.pk for note in Notification.objects.filter(recipient=moderator)])
    (message,) = mail.outbox
    assert message.subject == "[虚拟集群] 宁波电机 申请加入宁波家电集群"
    assert "We make motors." in message.body


def test_a_persons_own_words_follow_the_translated_message() -> None:
    stored = Message("Rank: %(rank)s. Score: %(score)s.", rank="1", score="9").followed_by("Bien joué").as_data()
    assert render(stored, language="en") == "Rank: 1. Score: 9.\nBien joué"


def test_bilingual_parameters_are_kept_in_both_languages() -> None:
    cluster = ClusterFactory.create(name_zh="纺织集群", name_en="Textile cluster")
    stored = Message("New cluster proposed: %(name)s", name=per_language(lambda: cluster.name)).as_data()
    cluster.delete()  # the notification outlives the row it names
    assert render(stored, language="en") == "New cluster proposed: Textile cluster"
    assert "纺织集群" in render(stored, language="zh-hans")


def test_sign_up_asks_for_a_name_and_a_language_and_the_email_names_the_platform(client: Any) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.person@example.test",
            "display_name": "王芳",
            "language": "en",
            "password1": "a-Long-pass-4821",
            "password2": "a-Long-pass-4821",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302
    from platform_.identity.models import User

    person = User.objects.get(email="new.person@example.test")
    assert (person.display_name, person.language, str(person)) == ("王芳", "en", "王芳")
    (message,) = mail.outbox
    assert "example.com" not in f"{message.subject}{message.body}"
    assert "Virtual Clusters" in message.body or "虚拟集群" in message.body
    assert Site.objects.get_current().name == "Virtual Clusters"


def test_sign_up_without_a_name_is_refused(client: Any) -> None:
    response = client.post(
        reverse("account_signup"),
        {
            "email": "anon@example.test",
            "display_name": " ",
            "password1": "a-Long-pass-4821",
            "password2": "a-Long-pass-4821",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]


def test_a_person_changes_their_name_and_language_on_their_profile(client: Any) -> None:
    person = UserFactory.create(language="zh-hans", display_name="")
    client.force_login(person)
    assert client.get(reverse("profile")).status_code == 200
    response = client.post(reverse("profile"), {"display_name": "Li Ming", "language": "en", "email_notifications": ""})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.display_name, person.language, person.email_notifications) == ("Li Ming", "en", False)
    assert response.cookies["django_language"].value == "en"  # the pages follow the choice too
