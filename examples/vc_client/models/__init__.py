""" Contains all the data models used in inputs/outputs """

from .acceptance_out import AcceptanceOut
from .access_level_enum import AccessLevelEnum
from .action_enum import ActionEnum
from .agency_brief_out import AgencyBriefOut
from .agency_detail_out import AgencyDetailOut
from .agency_kind_enum import AgencyKindEnum
from .agency_out import AgencyOut
from .answer_in_request import AnswerInRequest
from .appeal_decide_in_request import AppealDecideInRequest
from .appeal_decision_in_request import AppealDecisionInRequest
from .appeal_decision_in_status_enum import AppealDecisionInStatusEnum
from .appeal_in_request import AppealInRequest
from .appeal_out import AppealOut
from .appeal_out_status_enum import AppealOutStatusEnum
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
from .assign_in_request import AssignInRequest
from .assignment_out import AssignmentOut
from .auto_assign_in_request import AutoAssignInRequest
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
from .competition_day_out import CompetitionDayOut
from .competition_province_out import CompetitionProvinceOut
from .competition_statistics_out import CompetitionStatisticsOut
from .conflict_in_request import ConflictInRequest
from .contract_milestone_out import ContractMilestoneOut
from .contract_milestone_out_status_enum import ContractMilestoneOutStatusEnum
from .contract_out import ContractOut
from .cost_series_out import CostSeriesOut
from .costs_out import CostsOut
from .criterion_in_request import CriterionInRequest
from .criterion_out import CriterionOut
from .decide_in_request import DecideInRequest
from .decision_in_request import DecisionInRequest
from .decision_out import DecisionOut
from .decision_out_decision_enum import DecisionOutDecisionEnum
from .delivery_status_enum import DeliveryStatusEnum
from .edge_out import EdgeOut
from .eligibility_enum import EligibilityEnum
from .embargo_in_request import EmbargoInRequest
from .embargo_out import EmbargoOut
from .endorsement_out import EndorsementOut
from .entry_appeal_in_request import EntryAppealInRequest
from .entry_appeal_out import EntryAppealOut
from .entry_appeal_out_status_enum import EntryAppealOutStatusEnum
from .entry_file_out import EntryFileOut
from .entry_out import EntryOut
from .entry_out_outcome_enum import EntryOutOutcomeEnum
from .entry_submit_in_request import EntrySubmitInRequest
from .entry_version_out import EntryVersionOut
from .evaluation_in_request import EvaluationInRequest
from .evaluation_out import EvaluationOut
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
from .flag_out import FlagOut
from .flag_out_status_enum import FlagOutStatusEnum
from .guidance_kind_enum import GuidanceKindEnum
from .guidance_out import GuidanceOut
from .idea_award_out import IdeaAwardOut
from .idea_comment_in_request import IdeaCommentInRequest
from .idea_comment_out import IdeaCommentOut
from .idea_in_request import IdeaInRequest
from .idea_merge_in_request import IdeaMergeInRequest
from .idea_out import IdeaOut
from .idea_out_credited_firms_item import IdeaOutCreditedFirmsItem
from .ideas_award_in_request import IdeasAwardInRequest
from .ideation_in_request import IdeationInRequest
from .ideation_mode_out import IdeationModeOut
from .ideation_out import IdeationOut
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
from .method_enum import MethodEnum
from .milestone_decision_in_request import MilestoneDecisionInRequest
from .milestone_delivery_in_request import MilestoneDeliveryInRequest
from .milestone_event_out import MilestoneEventOut
from .milestone_terms_in_request import MilestoneTermsInRequest
from .moderate_in_decision_enum import ModerateInDecisionEnum
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
from .paginated_flag_out_list import PaginatedFlagOutList
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
from .phase_in_request import PhaseInRequest
from .phase_open_in_request import PhaseOpenInRequest
from .phase_out import PhaseOut
from .phases_out import PhasesOut
from .problem import Problem
from .problem_field_error import ProblemFieldError
from .progress_out import ProgressOut
from .project_in_request import ProjectInRequest
from .project_kind_enum import ProjectKindEnum
from .project_list_out import ProjectListOut
from .project_out import ProjectOut
from .project_status_enum import ProjectStatusEnum
from .project_transition_in_request import ProjectTransitionInRequest
from .proposal_in_request import ProposalInRequest
from .proposal_milestone_out import ProposalMilestoneOut
from .proposal_out import ProposalOut
from .proposal_out_firms_item import ProposalOutFirmsItem
from .province_enum import ProvinceEnum
from .province_flow_out import ProvinceFlowOut
from .question_in_request import QuestionInRequest
from .question_out import QuestionOut
from .queue_item_out import QueueItemOut
from .ranking_out import RankingOut
from .reason_in_request import ReasonInRequest
from .receipt_file_out import ReceiptFileOut
from .receipt_out import ReceiptOut
from .region_out import RegionOut
from .region_row_out import RegionRowOut
from .report_out import ReportOut
from .report_reason_out import ReportReasonOut
from .request_out import RequestOut
from .review_in_request import ReviewInRequest
from .review_in_request_values import ReviewInRequestValues
from .review_out import ReviewOut
from .reviews_out import ReviewsOut
from .role_enum import RoleEnum
from .run_out import RunOut
from .run_out_parameters import RunOutParameters
from .run_status_out import RunStatusOut
from .run_status_out_latest import RunStatusOutLatest
from .score_in_request import ScoreInRequest
from .score_in_request_values import ScoreInRequestValues
from .score_out import ScoreOut
from .score_revise_in_request import ScoreReviseInRequest
from .score_revise_in_request_values import ScoreReviseInRequestValues
from .search_out import SearchOut
from .search_out_facets import SearchOutFacets
from .search_out_facets_additional_property_item import SearchOutFacetsAdditionalPropertyItem
from .sector_brief_out import SectorBriefOut
from .sector_out import SectorOut
from .shortlist_in_request import ShortlistInRequest
from .shortlist_in_request_feedback import ShortlistInRequestFeedback
from .shortlist_out import ShortlistOut
from .side_enum import SideEnum
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
from .track_record_out import TrackRecordOut
from .transfer_document_out import TransferDocumentOut
from .transfer_document_out_kind_enum import TransferDocumentOutKindEnum
from .transfer_out import TransferOut
from .transfer_out_status_enum import TransferOutStatusEnum
from .transfer_party_out import TransferPartyOut
from .transfer_sign_in_request import TransferSignInRequest
from .transition_in_request import TransitionInRequest
from .verification_enum import VerificationEnum
from .verify_in_request import VerifyInRequest
from .verify_out import VerifyOut
from .version_in_request import VersionInRequest
from .version_out import VersionOut
from .version_review_in_request import VersionReviewInRequest
from .version_review_out import VersionReviewOut
from .webhook_data_appeal_decided import WebhookDataAppealDecided
from .webhook_data_appeal_filed import WebhookDataAppealFiled
from .webhook_data_asset_published import WebhookDataAssetPublished
from .webhook_data_asset_taken_down import WebhookDataAssetTakenDown
from .webhook_data_cluster_endorsed import WebhookDataClusterEndorsed
from .webhook_data_cluster_endorsement_revoked import WebhookDataClusterEndorsementRevoked
from .webhook_data_contract_created import WebhookDataContractCreated
from .webhook_data_contract_milestone_accepted import WebhookDataContractMilestoneAccepted
from .webhook_data_contract_milestone_returned import WebhookDataContractMilestoneReturned
from .webhook_data_contract_milestone_submitted import WebhookDataContractMilestoneSubmitted
from .webhook_data_entry_shortlisted import WebhookDataEntryShortlisted
from .webhook_data_entry_submitted import WebhookDataEntrySubmitted
from .webhook_data_guidance_published import WebhookDataGuidancePublished
from .webhook_data_idea_merged import WebhookDataIdeaMerged
from .webhook_data_idea_submitted import WebhookDataIdeaSubmitted
from .webhook_data_ideation_awarded import WebhookDataIdeationAwarded
from .webhook_data_membership_approved import WebhookDataMembershipApproved
from .webhook_data_phase_opened import WebhookDataPhaseOpened
from .webhook_data_project_awarded import WebhookDataProjectAwarded
from .webhook_data_project_opened import WebhookDataProjectOpened
from .webhook_data_proposal_submitted import WebhookDataProposalSubmitted
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
    "AppealDecideInRequest",
    "AppealDecisionInRequest",
    "AppealDecisionInStatusEnum",
    "AppealInRequest",
    "AppealOut",
    "AppealOutStatusEnum",
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
    "AssignInRequest",
    "AssignmentOut",
    "AutoAssignInRequest",
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
    "CompetitionDayOut",
    "CompetitionProvinceOut",
    "CompetitionStatisticsOut",
    "ConflictInRequest",
    "ContractMilestoneOut",
    "ContractMilestoneOutStatusEnum",
    "ContractOut",
    "CoOwnershipRequestOut",
    "CoOwnershipRequestOutStatusEnum",
    "CoOwnershipRequestsOut",
    "CostSeriesOut",
    "CostsOut",
    "CriterionInRequest",
    "CriterionOut",
    "DecideInRequest",
    "DecisionInRequest",
    "DecisionOut",
    "DecisionOutDecisionEnum",
    "DeliveryStatusEnum",
    "EdgeOut",
    "EligibilityEnum",
    "EmbargoInRequest",
    "EmbargoOut",
    "EndorsementOut",
    "EntryAppealInRequest",
    "EntryAppealOut",
    "EntryAppealOutStatusEnum",
    "EntryFileOut",
    "EntryOut",
    "EntryOutOutcomeEnum",
    "EntrySubmitInRequest",
    "EntryVersionOut",
    "EvaluationInRequest",
    "EvaluationOut",
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
    "FlagOut",
    "FlagOutStatusEnum",
    "GuidanceKindEnum",
    "GuidanceOut",
    "IdeaAwardOut",
    "IdeaCommentInRequest",
    "IdeaCommentOut",
    "IdeaInRequest",
    "IdeaMergeInRequest",
    "IdeaOut",
    "IdeaOutCreditedFirmsItem",
    "IdeasAwardInRequest",
    "IdeationInRequest",
    "IdeationModeOut",
    "IdeationOut",
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
    "MethodEnum",
    "MilestoneDecisionInRequest",
    "MilestoneDeliveryInRequest",
    "MilestoneEventOut",
    "MilestoneTermsInRequest",
    "ModerateInDecisionEnum",
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
    "PaginatedFlagOutList",
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
    "PhaseInRequest",
    "PhaseOpenInRequest",
    "PhaseOut",
    "PhasesOut",
    "Problem",
    "ProblemFieldError",
    "ProgressOut",
    "ProjectInRequest",
    "ProjectKindEnum",
    "ProjectListOut",
    "ProjectOut",
    "ProjectStatusEnum",
    "ProjectTransitionInRequest",
    "ProposalInRequest",
    "ProposalMilestoneOut",
    "ProposalOut",
    "ProposalOutFirmsItem",
    "ProvinceEnum",
    "ProvinceFlowOut",
    "QuestionInRequest",
    "QuestionOut",
    "QueueItemOut",
    "RankingOut",
    "ReasonInRequest",
    "ReceiptFileOut",
    "ReceiptOut",
    "RegionOut",
    "RegionRowOut",
    "ReportOut",
    "ReportReasonOut",
    "RequestOut",
    "ReviewInRequest",
    "ReviewInRequestValues",
    "ReviewOut",
    "ReviewsOut",
    "RoleEnum",
    "RunOut",
    "RunOutParameters",
    "RunStatusOut",
    "RunStatusOutLatest",
    "ScoreInRequest",
    "ScoreInRequestValues",
    "ScoreOut",
    "ScoreReviseInRequest",
    "ScoreReviseInRequestValues",
    "SearchOut",
    "SearchOutFacets",
    "SearchOutFacetsAdditionalPropertyItem",
    "SectorBriefOut",
    "SectorOut",
    "ShortlistInRequest",
    "ShortlistInRequestFeedback",
    "ShortlistOut",
    "SideEnum",
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
    "TrackRecordOut",
    "TransferDocumentOut",
    "TransferDocumentOutKindEnum",
    "TransferOut",
    "TransferOutStatusEnum",
    "TransferPartyOut",
    "TransferSignInRequest",
    "TransitionInRequest",
    "VerificationEnum",
    "VerifyInRequest",
    "VerifyOut",
    "VersionInRequest",
    "VersionOut",
    "VersionReviewInRequest",
    "VersionReviewOut",
    "WebhookDataAppealDecided",
    "WebhookDataAppealFiled",
    "WebhookDataAssetPublished",
    "WebhookDataAssetTakenDown",
    "WebhookDataClusterEndorsed",
    "WebhookDataClusterEndorsementRevoked",
    "WebhookDataContractCreated",
    "WebhookDataContractMilestoneAccepted",
    "WebhookDataContractMilestoneReturned",
    "WebhookDataContractMilestoneSubmitted",
    "WebhookDataEntryShortlisted",
    "WebhookDataEntrySubmitted",
    "WebhookDataGuidancePublished",
    "WebhookDataIdeaMerged",
    "WebhookDataIdeaSubmitted",
    "WebhookDataIdeationAwarded",
    "WebhookDataMembershipApproved",
    "WebhookDataPhaseOpened",
    "WebhookDataProjectAwarded",
    "WebhookDataProjectOpened",
    "WebhookDataProposalSubmitted",
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
