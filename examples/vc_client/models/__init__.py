""" Contains all the data models used in inputs/outputs """

from .acceptance_out import AcceptanceOut
from .access_level_enum import AccessLevelEnum
from .action_enum import ActionEnum
from .agency_brief_out import AgencyBriefOut
from .agency_detail_out import AgencyDetailOut
from .agency_kind_enum import AgencyKindEnum
from .agency_out import AgencyOut
from .answer_in_request import AnswerInRequest
from .asset_create_in_request import AssetCreateInRequest
from .asset_create_in_request_owners import AssetCreateInRequestOwners
from .asset_kind_enum import AssetKindEnum
from .asset_list_out import AssetListOut
from .asset_out import AssetOut
from .asset_reach_out import AssetReachOut
from .asset_reach_out_asset import AssetReachOutAsset
from .asset_review_enum import AssetReviewEnum
from .asset_status_enum import AssetStatusEnum
from .assets_list_kind import AssetsListKind
from .assets_list_licence import AssetsListLicence
from .award_in_request import AwardInRequest
from .award_out import AwardOut
from .belt_cluster_out import BeltClusterOut
from .belt_detail_out import BeltDetailOut
from .belt_figures_out import BeltFiguresOut
from .belt_figures_out_growth import BeltFiguresOutGrowth
from .belt_figures_out_share_series import BeltFiguresOutShareSeries
from .belt_flow_out import BeltFlowOut
from .belt_month_out import BeltMonthOut
from .belt_out import BeltOut
from .belt_share_out import BeltShareOut
from .blank_enum import BlankEnum
from .capability_brief_out import CapabilityBriefOut
from .capability_out import CapabilityOut
from .category_out import CategoryOut
from .cluster_brief_out import ClusterBriefOut
from .cluster_figures_out import ClusterFiguresOut
from .cluster_figures_out_cluster import ClusterFiguresOutCluster
from .cluster_out import ClusterOut
from .cluster_propose_in_request import ClusterProposeInRequest
from .cluster_row_out import ClusterRowOut
from .cluster_status_enum import ClusterStatusEnum
from .clusters_list_policy import ClustersListPolicy
from .clusters_list_province import ClustersListProvince
from .co_ownership_request_out import CoOwnershipRequestOut
from .co_ownership_request_out_status_enum import CoOwnershipRequestOutStatusEnum
from .co_ownership_requests_out import CoOwnershipRequestsOut
from .comparison_out import ComparisonOut
from .conflict_in_request import ConflictInRequest
from .cost_series_out import CostSeriesOut
from .costs_out import CostsOut
from .criterion_in_request import CriterionInRequest
from .criterion_out import CriterionOut
from .decide_in_request import DecideInRequest
from .decision_enum import DecisionEnum
from .decision_in_request import DecisionInRequest
from .decision_out import DecisionOut
from .delivery_status_enum import DeliveryStatusEnum
from .edge_out import EdgeOut
from .eligibility_enum import EligibilityEnum
from .endorsement_out import EndorsementOut
from .entry_file_out import EntryFileOut
from .entry_out import EntryOut
from .entry_out_outcome_enum import EntryOutOutcomeEnum
from .entry_submit_in_request import EntrySubmitInRequest
from .entry_version_out import EntryVersionOut
from .events_enum import EventsEnum
from .feedback_in_request import FeedbackInRequest
from .firm_brief_out import FirmBriefOut
from .firm_figures_out import FirmFiguresOut
from .firm_figures_out_firm import FirmFiguresOutFirm
from .firm_in_request import FirmInRequest
from .firm_member_out import FirmMemberOut
from .firm_out import FirmOut
from .firm_ref_out import FirmRefOut
from .firms_list_province import FirmsListProvince
from .guidance_kind_enum import GuidanceKindEnum
from .guidance_out import GuidanceOut
from .invitation_accept_in_request import InvitationAcceptInRequest
from .invitation_in_request import InvitationInRequest
from .invitation_out import InvitationOut
from .ip_terms_enum import IpTermsEnum
from .join_policy_enum import JoinPolicyEnum
from .judge_in_request import JudgeInRequest
from .kind_count_out import KindCountOut
from .licence_enum import LicenceEnum
from .link_in_request import LinkInRequest
from .link_kind_enum import LinkKindEnum
from .link_out import LinkOut
from .membership_create_in_request import MembershipCreateInRequest
from .membership_event_out import MembershipEventOut
from .membership_kind_enum import MembershipKindEnum
from .membership_out import MembershipOut
from .membership_status_enum import MembershipStatusEnum
from .memberships_list_status_item import MembershipsListStatusItem
from .memberships_transition_transition import MembershipsTransitionTransition
from .message_in_request import MessageInRequest
from .moderate_in_request import ModerateInRequest
from .moderation_item_out import ModerationItemOut
from .named_value_out import NamedValueOut
from .node_out import NodeOut
from .open_field_out import OpenFieldOut
from .open_table_out import OpenTableOut
from .open_table_rows_out import OpenTableRowsOut
from .open_table_rows_out_rows_item import OpenTableRowsOutRowsItem
from .outcome_in_outcome_enum import OutcomeInOutcomeEnum
from .outcome_in_request import OutcomeInRequest
from .ownership_out import OwnershipOut
from .paginated_agency_out_list import PaginatedAgencyOutList
from .paginated_belt_out_list import PaginatedBeltOutList
from .paginated_capability_out_list import PaginatedCapabilityOutList
from .paginated_cluster_out_list import PaginatedClusterOutList
from .paginated_firm_member_out_list import PaginatedFirmMemberOutList
from .paginated_firm_out_list import PaginatedFirmOutList
from .paginated_guidance_out_list import PaginatedGuidanceOutList
from .paginated_membership_out_list import PaginatedMembershipOutList
from .paginated_project_list_out_list import PaginatedProjectListOutList
from .paginated_sector_out_list import PaginatedSectorOutList
from .paginated_webhook_delivery_output_list import PaginatedWebhookDeliveryOutputList
from .paginated_webhook_endpoint_output_list import PaginatedWebhookEndpointOutputList
from .partner_in_request import PartnerInRequest
from .patched_asset_update_in_request import PatchedAssetUpdateInRequest
from .patched_criterion_in_request import PatchedCriterionInRequest
from .patched_firm_update_in_request import PatchedFirmUpdateInRequest
from .patched_project_update_in_request import PatchedProjectUpdateInRequest
from .patched_role_in_request import PatchedRoleInRequest
from .patched_webhook_endpoint_input_request import PatchedWebhookEndpointInputRequest
from .person_out import PersonOut
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .project_in_request import ProjectInRequest
from .project_kind_enum import ProjectKindEnum
from .project_list_out import ProjectListOut
from .project_out import ProjectOut
from .project_status_enum import ProjectStatusEnum
from .project_transition_in_request import ProjectTransitionInRequest
from .province_enum import ProvinceEnum
from .province_flow_out import ProvinceFlowOut
from .question_in_request import QuestionInRequest
from .question_out import QuestionOut
from .ranking_out import RankingOut
from .reason_in_request import ReasonInRequest
from .receipt_file_out import ReceiptFileOut
from .receipt_out import ReceiptOut
from .region_out import RegionOut
from .region_row_out import RegionRowOut
from .report_out import ReportOut
from .report_reason_out import ReportReasonOut
from .request_out import RequestOut
from .role_enum import RoleEnum
from .run_out import RunOut
from .run_out_parameters import RunOutParameters
from .run_status_out import RunStatusOut
from .run_status_out_latest import RunStatusOutLatest
from .score_in_request import ScoreInRequest
from .score_in_request_values import ScoreInRequestValues
from .score_out import ScoreOut
from .search_out import SearchOut
from .search_out_facets import SearchOutFacets
from .search_out_facets_additional_property_item import SearchOutFacetsAdditionalPropertyItem
from .sector_brief_out import SectorBriefOut
from .sector_out import SectorOut
from .size_enum import SizeEnum
from .statistics_out import StatisticsOut
from .statistics_out_by_kind import StatisticsOutByKind
from .statistics_out_daily_item import StatisticsOutDailyItem
from .suggestion_out import SuggestionOut
from .team_in_request import TeamInRequest
from .team_invitation_decide_in_request import TeamInvitationDecideInRequest
from .team_invitation_out import TeamInvitationOut
from .team_member_out import TeamMemberOut
from .team_out import TeamOut
from .transition_in_request import TransitionInRequest
from .verify_in_request import VerifyInRequest
from .verify_out import VerifyOut
from .version_in_request import VersionInRequest
from .version_out import VersionOut
from .webhook_data_asset_published import WebhookDataAssetPublished
from .webhook_data_asset_taken_down import WebhookDataAssetTakenDown
from .webhook_data_cluster_endorsed import WebhookDataClusterEndorsed
from .webhook_data_cluster_endorsement_revoked import WebhookDataClusterEndorsementRevoked
from .webhook_data_entry_submitted import WebhookDataEntrySubmitted
from .webhook_data_guidance_published import WebhookDataGuidancePublished
from .webhook_data_membership_approved import WebhookDataMembershipApproved
from .webhook_data_project_awarded import WebhookDataProjectAwarded
from .webhook_data_project_opened import WebhookDataProjectOpened
from .webhook_data_spillover_updated import WebhookDataSpilloverUpdated
from .webhook_delivery_output import WebhookDeliveryOutput
from .webhook_delivery_output_payload import WebhookDeliveryOutputPayload
from .webhook_endpoint_created import WebhookEndpointCreated
from .webhook_endpoint_input_request import WebhookEndpointInputRequest
from .webhook_endpoint_output import WebhookEndpointOutput
from .webhook_event import WebhookEvent
from .webhook_event_data import WebhookEventData
from .webhook_event_name import WebhookEventName
from .webhooks_deliveries_list_status import WebhooksDeliveriesListStatus

__all__ = (
    "AcceptanceOut",
    "AccessLevelEnum",
    "ActionEnum",
    "AgencyBriefOut",
    "AgencyDetailOut",
    "AgencyKindEnum",
    "AgencyOut",
    "AnswerInRequest",
    "AssetCreateInRequest",
    "AssetCreateInRequestOwners",
    "AssetKindEnum",
    "AssetListOut",
    "AssetOut",
    "AssetReachOut",
    "AssetReachOutAsset",
    "AssetReviewEnum",
    "AssetsListKind",
    "AssetsListLicence",
    "AssetStatusEnum",
    "AwardInRequest",
    "AwardOut",
    "BeltClusterOut",
    "BeltDetailOut",
    "BeltFiguresOut",
    "BeltFiguresOutGrowth",
    "BeltFiguresOutShareSeries",
    "BeltFlowOut",
    "BeltMonthOut",
    "BeltOut",
    "BeltShareOut",
    "BlankEnum",
    "CapabilityBriefOut",
    "CapabilityOut",
    "CategoryOut",
    "ClusterBriefOut",
    "ClusterFiguresOut",
    "ClusterFiguresOutCluster",
    "ClusterOut",
    "ClusterProposeInRequest",
    "ClusterRowOut",
    "ClustersListPolicy",
    "ClustersListProvince",
    "ClusterStatusEnum",
    "ComparisonOut",
    "ConflictInRequest",
    "CoOwnershipRequestOut",
    "CoOwnershipRequestOutStatusEnum",
    "CoOwnershipRequestsOut",
    "CostSeriesOut",
    "CostsOut",
    "CriterionInRequest",
    "CriterionOut",
    "DecideInRequest",
    "DecisionEnum",
    "DecisionInRequest",
    "DecisionOut",
    "DeliveryStatusEnum",
    "EdgeOut",
    "EligibilityEnum",
    "EndorsementOut",
    "EntryFileOut",
    "EntryOut",
    "EntryOutOutcomeEnum",
    "EntrySubmitInRequest",
    "EntryVersionOut",
    "EventsEnum",
    "FeedbackInRequest",
    "FirmBriefOut",
    "FirmFiguresOut",
    "FirmFiguresOutFirm",
    "FirmInRequest",
    "FirmMemberOut",
    "FirmOut",
    "FirmRefOut",
    "FirmsListProvince",
    "GuidanceKindEnum",
    "GuidanceOut",
    "InvitationAcceptInRequest",
    "InvitationInRequest",
    "InvitationOut",
    "IpTermsEnum",
    "JoinPolicyEnum",
    "JudgeInRequest",
    "KindCountOut",
    "LicenceEnum",
    "LinkInRequest",
    "LinkKindEnum",
    "LinkOut",
    "MembershipCreateInRequest",
    "MembershipEventOut",
    "MembershipKindEnum",
    "MembershipOut",
    "MembershipsListStatusItem",
    "MembershipStatusEnum",
    "MembershipsTransitionTransition",
    "MessageInRequest",
    "ModerateInRequest",
    "ModerationItemOut",
    "NamedValueOut",
    "NodeOut",
    "OpenFieldOut",
    "OpenTableOut",
    "OpenTableRowsOut",
    "OpenTableRowsOutRowsItem",
    "OutcomeInOutcomeEnum",
    "OutcomeInRequest",
    "OwnershipOut",
    "PaginatedAgencyOutList",
    "PaginatedBeltOutList",
    "PaginatedCapabilityOutList",
    "PaginatedClusterOutList",
    "PaginatedFirmMemberOutList",
    "PaginatedFirmOutList",
    "PaginatedGuidanceOutList",
    "PaginatedMembershipOutList",
    "PaginatedProjectListOutList",
    "PaginatedSectorOutList",
    "PaginatedWebhookDeliveryOutputList",
    "PaginatedWebhookEndpointOutputList",
    "PartnerInRequest",
    "PatchedAssetUpdateInRequest",
    "PatchedCriterionInRequest",
    "PatchedFirmUpdateInRequest",
    "PatchedProjectUpdateInRequest",
    "PatchedRoleInRequest",
    "PatchedWebhookEndpointInputRequest",
    "PersonOut",
    "Problem",
    "ProblemFieldError",
    "ProjectInRequest",
    "ProjectKindEnum",
    "ProjectListOut",
    "ProjectOut",
    "ProjectStatusEnum",
    "ProjectTransitionInRequest",
    "ProvinceEnum",
    "ProvinceFlowOut",
    "QuestionInRequest",
    "QuestionOut",
    "RankingOut",
    "ReasonInRequest",
    "ReceiptFileOut",
    "ReceiptOut",
    "RegionOut",
    "RegionRowOut",
    "ReportOut",
    "ReportReasonOut",
    "RequestOut",
    "RoleEnum",
    "RunOut",
    "RunOutParameters",
    "RunStatusOut",
    "RunStatusOutLatest",
    "ScoreInRequest",
    "ScoreInRequestValues",
    "ScoreOut",
    "SearchOut",
    "SearchOutFacets",
    "SearchOutFacetsAdditionalPropertyItem",
    "SectorBriefOut",
    "SectorOut",
    "SizeEnum",
    "StatisticsOut",
    "StatisticsOutByKind",
    "StatisticsOutDailyItem",
    "SuggestionOut",
    "TeamInRequest",
    "TeamInvitationDecideInRequest",
    "TeamInvitationOut",
    "TeamMemberOut",
    "TeamOut",
    "TransitionInRequest",
    "VerifyInRequest",
    "VerifyOut",
    "VersionInRequest",
    "VersionOut",
    "WebhookDataAssetPublished",
    "WebhookDataAssetTakenDown",
    "WebhookDataClusterEndorsed",
    "WebhookDataClusterEndorsementRevoked",
    "WebhookDataEntrySubmitted",
    "WebhookDataGuidancePublished",
    "WebhookDataMembershipApproved",
    "WebhookDataProjectAwarded",
    "WebhookDataProjectOpened",
    "WebhookDataSpilloverUpdated",
    "WebhookDeliveryOutput",
    "WebhookDeliveryOutputPayload",
    "WebhookEndpointCreated",
    "WebhookEndpointInputRequest",
    "WebhookEndpointOutput",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookEventName",
    "WebhooksDeliveriesListStatus",
)
