from django.urls import path

from observatory import views

app_name = "observatory"
urlpatterns = [
    path("", views.index, name="index"),
    path("provinces/<str:code>/", views.province, name="province"),
    path("sections/<str:code>/", views.section, name="section"),
    path("clusters/", views.clusters, name="clusters"),
    path("compare/", views.compare, name="compare"),
    path("data/", views.data, name="data"),
    path("data/datapackage.json", views.datapackage, name="datapackage"),
    path("data/open-statistics.xlsx", views.workbook, name="workbook"),
    path("data/<slug:name>.csv", views.table_csv, name="table-csv"),
    path("opt-out/", views.opt_out, name="opt-out"),
]
