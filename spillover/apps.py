from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpilloverConfig(AppConfig):
    name = "spillover"
    verbose_name = _("Knowledge spillover")

    def ready(self) -> None:
        from knowledge.tiers import outflow_source_register
        from platform_.events import subscribe
        from spillover import webhooks  # noqa: F401 - registers its webhook events
        from spillover.contributions import firm_outflows
        from spillover.pending import on_use_recorded

        subscribe("use.recorded", on_use_recorded)
        outflow_source_register(firm_outflows)  # the contributors tier may count measured outflow
